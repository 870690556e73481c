package org.pchatdr.portal.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.approval.Approval.Decision;
import org.pchatdr.portal.base.PortalException;

class ApprovalRulesTest {

    private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");
    private static final Subject RUN = new Subject("run", 7);
    private static final ApprovalPolicy TWO =
            new ApprovalPolicy(2, false, Duration.ofHours(8), Duration.ofHours(24), false);

    @Test
    void defaultPolicyIsOneApproverWhoIsNotTheExecutorForEightHours() {
        assertThat(ApprovalPolicy.DEFAULT.requiredApprovers()).isEqualTo(1);
        assertThat(ApprovalPolicy.DEFAULT.executorMayApprove()).isFalse();
        assertThat(ApprovalPolicy.DEFAULT.validity()).isEqualTo(Duration.ofHours(8));
        assertThat(ApprovalPolicy.DEFAULT.ratificationWindow()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void twoApproversForDisasterIsAValidPolicyButNoneOrTooManyIsNot() {
        assertThat(TWO.checked()).isEqualTo(TWO);
        assertThatThrownBy(
                        () -> new ApprovalPolicy(0, false, Duration.ofHours(8), Duration.ofHours(24), false).checked())
                .isInstanceOfSatisfying(
                        PortalException.class, e -> assertThat(e.code()).isEqualTo("approval_policy_approvers_range"));
        assertThatThrownBy(
                        () -> new ApprovalPolicy(6, false, Duration.ofHours(8), Duration.ofHours(24), false).checked())
                .isInstanceOf(PortalException.class);
        assertThatThrownBy(() -> new ApprovalPolicy(1, false, Duration.ZERO, Duration.ofHours(24), false).checked())
                .isInstanceOfSatisfying(
                        PortalException.class, e -> assertThat(e.code()).isEqualTo("approval_policy_duration_range"));
        assertThatThrownBy(
                        () -> new ApprovalPolicy(1, false, Duration.ofHours(8), Duration.ofDays(31), false).checked())
                .isInstanceOf(PortalException.class);
    }

    @Test
    void oneApprovalSatisfiesTheDefaultPolicy() {
        ApprovalStatus status = status(ApprovalPolicy.DEFAULT, null, T0, approved(1, "carol"));

        assertThat(status.satisfied()).isTrue();
        assertThat(status.valid()).extracting(Approval::approver).containsExactly("carol");
    }

    @Test
    void twoRequiredApproversNeedTwoDistinctPeople() {
        assertThat(status(TWO, null, T0, approved(1, "carol")).satisfied()).isFalse();
        assertThat(status(TWO, null, T0, approved(1, "carol"), approved(2, "dave"))
                        .satisfied())
                .isTrue();
    }

    @Test
    void anExpiredApprovalNoLongerCounts() {
        Approval carol = approved(1, "carol");

        assertThat(status(
                                ApprovalPolicy.DEFAULT,
                                null,
                                T0.plus(Duration.ofHours(8)).minusSeconds(1),
                                carol)
                        .satisfied())
                .isTrue();
        assertThat(status(ApprovalPolicy.DEFAULT, null, T0.plus(Duration.ofHours(8)), carol)
                        .satisfied())
                .isFalse();
    }

    @Test
    void aWithdrawnApprovalNoLongerCounts() {
        Approval withdrawn = new Approval(
                1, RUN, "run:DRILL", "carol", Decision.APPROVED, null, T0, T0.plus(Duration.ofHours(8)), T0, false);

        assertThat(status(ApprovalPolicy.DEFAULT, null, T0, withdrawn).satisfied())
                .isFalse();
    }

    @Test
    void theExecutorsOwnApprovalDoesNotCountUnlessThePolicyAllowsIt() {
        ApprovalStatus refused = status(ApprovalPolicy.DEFAULT, "carol", T0, approved(1, "carol"));
        ApprovalPolicy allowing = new ApprovalPolicy(1, true, Duration.ofHours(8), Duration.ofHours(24), false);

        assertThat(refused.satisfied()).isFalse();
        assertThat(refused.executorExcluded()).isTrue();
        assertThat(status(allowing, "carol", T0, approved(1, "carol")).satisfied())
                .isTrue();
        assertThat(status(ApprovalPolicy.DEFAULT, "bob", T0, approved(1, "carol"))
                        .satisfied())
                .isTrue();
    }

    @Test
    void aStandingRejectionWinsOverApprovals() {
        Approval rejection = new Approval(
                2, RUN, "run:DRILL", "dave", Decision.REJECTED, "no", T0, T0.plus(Duration.ofHours(8)), null, true);

        ApprovalStatus status = status(ApprovalPolicy.DEFAULT, null, T0, approved(1, "carol"), rejection);

        assertThat(status.rejected()).isTrue();
        assertThat(status.satisfied()).isFalse();
    }

    private static Approval approved(long id, String approver) {
        return new Approval(
                id, RUN, "run:DRILL", approver, Decision.APPROVED, null, T0, T0.plus(Duration.ofHours(8)), null, true);
    }

    private static ApprovalStatus status(ApprovalPolicy policy, String executor, Instant now, Approval... decisions) {
        return ApprovalStatus.of("run:DRILL", policy, List.of(decisions), executor, now);
    }
}
