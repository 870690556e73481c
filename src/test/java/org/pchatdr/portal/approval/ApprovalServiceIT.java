package org.pchatdr.portal.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pchatdr.portal.testsupport.TestAccounts.signIn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.audit.AuditEntry;
import org.pchatdr.portal.audit.AuditService;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.testsupport.AuditReads;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.pchatdr.portal.testsupport.MutableClock;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class ApprovalServiceIT {

    private static final AtomicLong IDS = new AtomicLong(1000);

    @Autowired
    UserAccountService userAccounts;

    @Autowired
    ApprovalService approvals;

    @Autowired
    ApprovalPolicyService policies;

    @Autowired
    AuditService audit;

    @Autowired
    MutableClock clock;

    /** Requests need someone who could approve them (decision 014). */
    @BeforeEach
    void someoneCanApprove() {
        new TestAccounts(userAccounts).standingApprovers();
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void anApproverApprovesSomeoneElsesRequestAndItIsAudited() {
        Subject subject = subject();
        signIn("carol", Role.APPROVER);

        Approval approval = approvals.approve(subject, "test:DRILL", "alice", "looks right");

        assertThat(approval.approver()).isEqualTo("carol");
        assertThat(approval.expiresAt()).isEqualTo(approval.decidedAt().plus(Duration.ofHours(8)));
        assertThat(approvals
                        .status(subject, "test:DRILL", "alice", clock.instant())
                        .satisfied())
                .isTrue();
        signIn("auditor", Role.AUDITOR);
        assertThat(AuditReads.byOrAbout(audit, "carol", "APPROVED", 50))
                .extracting(AuditEntry::target)
                .contains(subject.toString());
    }

    @Test
    void theRequesterCannotApproveTheirOwnRequest() {
        Subject subject = subject();
        signIn("alice", Role.OPERATOR, Role.APPROVER);

        assertThatThrownBy(() -> approvals.approve(subject, "test:DRILL", "alice", null))
                .isInstanceOfSatisfying(PortalException.class, e -> {
                    assertThat(e.code()).isEqualTo("four_eyes");
                    assertThat(e.kind()).isEqualTo(PortalException.Kind.FORBIDDEN);
                });
        assertThat(approvals.decisions(subject)).isEmpty();
    }

    @Test
    void anOperatorWithoutTheApproverRoleCannotApprove() {
        signIn("bob", Role.OPERATOR);

        assertThatThrownBy(() -> approvals.approve(subject(), "test:DRILL", "alice", null))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theSameApproverCountsOnce() {
        Subject subject = subject();
        signIn("carol", Role.APPROVER);
        approvals.approve(subject, "test:DRILL", "alice", null);

        assertThatThrownBy(() -> approvals.approve(subject, "test:DRILL", "alice", null))
                .isInstanceOfSatisfying(
                        PortalException.class, e -> assertThat(e.code()).isEqualTo("approval_duplicate"));
        assertThat(approvals.decisions(subject)).hasSize(1);
    }

    @Test
    void anApprovalExpiresAndItsApproverMayApproveAgain() {
        Subject subject = subject();
        signIn("carol", Role.APPROVER);
        approvals.approve(subject, "test:DRILL", "alice", null);

        clock.advance(Duration.ofHours(8));
        assertThat(approvals
                        .status(subject, "test:DRILL", null, clock.instant())
                        .satisfied())
                .isFalse();

        approvals.approve(subject, "test:DRILL", "alice", "still fine");
        assertThat(approvals.decisions(subject)).hasSize(2);
        assertThat(approvals
                        .status(subject, "test:DRILL", null, clock.instant())
                        .satisfied())
                .isTrue();
    }

    @Test
    void onlyItsApproverWithdrawsAnApprovalAndOnlyUntilItIsSealed() {
        Subject subject = subject();
        signIn("carol", Role.APPROVER);
        Approval carols = approvals.approve(subject, "test:DRILL", "alice", null);
        signIn("dave", Role.APPROVER);
        assertThatThrownBy(() -> approvals.withdraw(subject, carols.id()))
                .isInstanceOfSatisfying(
                        PortalException.class, e -> assertThat(e.code()).isEqualTo("approval_not_yours"));

        signIn("carol", Role.APPROVER);
        Approval withdrawn = approvals.withdraw(subject, carols.id());
        assertThat(withdrawn.isWithdrawn()).isTrue();
        assertThat(approvals
                        .status(subject, "test:DRILL", null, clock.instant())
                        .satisfied())
                .isFalse();

        Approval again = approvals.approve(subject, "test:DRILL", "alice", null);
        approvals.seal(subject);
        assertThatThrownBy(() -> approvals.withdraw(subject, again.id()))
                .isInstanceOfSatisfying(
                        PortalException.class, e -> assertThat(e.code()).isEqualTo("approval_not_withdrawable"));
    }

    @Test
    void aRejectionNeedsACommentAndBlocksTheSubject() {
        Subject subject = subject();
        signIn("carol", Role.APPROVER);
        assertThatThrownBy(() -> approvals.reject(subject, "test:DRILL", "alice", " "))
                .isInstanceOfSatisfying(
                        PortalException.class, e -> assertThat(e.code()).isEqualTo("approval_comment_required"));

        approvals.reject(subject, "test:DRILL", "alice", "not during business hours");
        signIn("dave", Role.APPROVER);
        approvals.approve(subject, "test:DRILL", "alice", null);

        ApprovalStatus status = approvals.status(subject, "test:DRILL", null, clock.instant());
        assertThat(status.rejected()).isTrue();
        assertThat(status.satisfied()).isFalse();
    }

    @Test
    void anAdministratorRequiresTwoApproversAndTheChangeIsAudited() {
        String kind = SampleSubjects.KIND;
        ApprovalPolicy two = new ApprovalPolicy(2, false, Duration.ofHours(4), Duration.ofHours(24), false);
        signIn("carol", Role.APPROVER);
        assertThatThrownBy(() -> policies.policy(kind)).isInstanceOf(AccessDeniedException.class);

        signIn("root", Role.ADMIN);
        ApprovalPolicy before = policies.policy(kind);
        policies.changePolicy(kind, before, two);
        try {
            assertThat(policies.policy(kind)).isEqualTo(two);
            assertThatThrownBy(() -> policies.changePolicy(kind, before, before))
                    .isInstanceOfSatisfying(
                            PortalException.class, e -> assertThat(e.code()).isEqualTo("stale"));

            Subject subject = subject();
            signIn("carol", Role.APPROVER);
            approvals.approve(subject, kind, "alice", null);
            assertThat(approvals.status(subject, kind, null, clock.instant()).satisfied())
                    .isFalse();
            signIn("dave", Role.APPROVER);
            approvals.approve(subject, kind, "alice", null);
            assertThat(approvals.status(subject, kind, null, clock.instant()).satisfied())
                    .isTrue();

            signIn("auditor", Role.AUDITOR);
            assertThat(AuditReads.byOrAbout(audit, "root", "SETTINGS_CHANGED", 50))
                    .extracting(AuditEntry::target)
                    .contains("approval policy " + kind);
        } finally {
            signIn("root", Role.ADMIN);
            policies.changePolicy(kind, policies.policy(kind), before);
        }
    }

    @Test
    void onlyKindsAFeatureContributesHaveAPolicyToChange() {
        signIn("root", Role.ADMIN);

        assertThat(policies.kinds()).extracting(PolicyKind::kind).contains("run:DISASTER", SampleSubjects.KIND);
        assertThatThrownBy(() -> policies.changePolicy("test:NOTHING", ApprovalPolicy.DEFAULT, ApprovalPolicy.DEFAULT))
                .isInstanceOfSatisfying(
                        PortalException.class, e -> assertThat(e.code()).isEqualTo("approval_kind_unknown"));
    }

    @Test
    void twoApproversApprovingAtTheSameMomentAreBothRecorded() throws Exception {
        Subject subject = subject();

        List<String> results = atOnce(subject, "carol", "dave");

        assertThat(results).containsExactly("approved", "approved");
        signIn("auditor", Role.AUDITOR);
        assertThat(approvals.decisions(subject))
                .extracting(Approval::approver)
                .containsExactlyInAnyOrder("carol", "dave");
    }

    @Test
    void theSameApproverTwiceAtTheSameMomentIsRecordedOnce() throws Exception {
        Subject subject = subject();

        List<String> results = atOnce(subject, "carol", "carol");

        assertThat(results).containsExactlyInAnyOrder("approved", "approval_duplicate_concurrent");
        signIn("auditor", Role.AUDITOR);
        assertThat(approvals.decisions(subject)).hasSize(1);
    }

    private List<String> atOnce(Subject subject, String... approvers) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(approvers.length);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (String approver : approvers) {
                outcomes.add(pool.submit(() -> {
                    signIn(approver, Role.APPROVER);
                    start.await();
                    try {
                        approvals.approve(subject, "test:DRILL", "alice", null);
                        return "approved";
                    } catch (PortalException e) {
                        // Either the unique constraint or the check-before-insert answers; both name the rule.
                        return e.code().startsWith("approval_duplicate") ? "approval_duplicate_concurrent" : e.code();
                    } finally {
                        TestAccounts.signOut();
                    }
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Subject subject() {
        return new Subject("test", IDS.incrementAndGet());
    }
}
