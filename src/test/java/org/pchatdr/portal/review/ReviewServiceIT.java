package org.pchatdr.portal.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.audit.AuditEntry;
import org.pchatdr.portal.audit.AuditService;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.review.ReviewDecision.Disposition;
import org.pchatdr.portal.review.ReviewDecision.NewFinding;
import org.pchatdr.portal.review.ReviewDecision.Outcome;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.testsupport.AuditReads;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.pchatdr.portal.testsupport.MutableClock;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Reviews of ended runs on the real database: independence, exceptions, findings (issue 14). */
@IntegrationTest
class ReviewServiceIT {

    @Autowired
    UserAccountService userAccounts;

    @Autowired
    ReviewService reviews;

    @Autowired
    RunService runs;

    @Autowired
    TopologyService topologies;

    @Autowired
    AuditService audit;

    @Autowired
    MutableClock clock;

    EndedRuns ended;

    @BeforeEach
    void setUp() {
        new TestAccounts(userAccounts).standingApprovers();
        ended = new EndedRuns(topologies, runs, clock);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void aRunThatEndsWaitsForTheReviewOfAnIndependentManager() {
        RunView run = ended.abortedDrillWithRetriedStep();

        TestAccounts.signIn("rev-frank", Role.MANAGER);

        assertThat(reviews.waiting()).extracting(ReviewSummary::runId).contains(run.id());
        ReviewView review = reviews.review(run.id());
        assertThat(review.state()).isEqualTo(ReviewState.WAITING);
        assertThat(review.actions()).contains("review/SIGN_OFF", "review/RETURN");
        assertThat(review.exceptions()).extracting(RunException::code).containsExactly("STEP_RETRIED:1");
        assertThat(review.timeline())
                .extracting(TimelineEntry::what)
                .startsWith(TimelineEntry.What.REQUESTED, TimelineEntry.What.APPROVED, TimelineEntry.What.STARTED)
                .contains(TimelineEntry.What.STEP_FAILED, TimelineEntry.What.STEP_DONE)
                .endsWith(TimelineEntry.What.ENDED);
        assertThat(review.timeline())
                .filteredOn(entry -> entry.what() == TimelineEntry.What.STEP_DONE)
                .extracting(TimelineEntry::who, TimelineEntry::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        EndedRuns.EXECUTOR, "second try\nCommand(s) completed successfully."));
    }

    @Test
    void aManagerWhoApprovedTheRunMayNotSignItOff() {
        RunView run = ended.abortedDrillWithRetriedStep();
        TestAccounts.signIn(EndedRuns.APPROVER, Role.APPROVER, Role.MANAGER);

        assertThat(reviews.waiting()).extracting(ReviewSummary::runId).doesNotContain(run.id());
        assertThat(reviews.review(run.id()).actions()).isEmpty();
        assertThatThrownBy(() -> reviews.decide(run.id(), signOff(new Disposition("STEP_RETRIED:1", "ok"))))
                .isInstanceOfSatisfying(PortalException.class, e -> {
                    assertThat(e.code()).isEqualTo("review_not_independent");
                    assertThat(e.arguments()).containsExactly(run.id(), 1);
                });
    }

    @Test
    void theRequesterAndTheExecutorMayNotSignOffEither() {
        RunView run = ended.abortedDrillWithRetriedStep();
        for (String participant : List.of(EndedRuns.REQUESTER, EndedRuns.EXECUTOR)) {
            TestAccounts.signIn(participant, Role.MANAGER);
            assertThatThrownBy(() -> reviews.decide(run.id(), signOff(new Disposition("STEP_RETRIED:1", "ok"))))
                    .as(participant)
                    .isInstanceOfSatisfying(
                            PortalException.class, e -> assertThat(e.code()).isEqualTo("review_not_independent"));
        }
    }

    @Test
    void anAuditorReadsTheReviewButSignsOffNothing() {
        RunView run = ended.abortedDrillWithRetriedStep();
        TestAccounts.signIn("rev-erin", Role.AUDITOR);

        assertThat(reviews.review(run.id()).actions()).isEmpty();
        assertThatThrownBy(() -> reviews.decide(run.id(), signOff(new Disposition("STEP_RETRIED:1", "ok"))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aSignOffWithAnExceptionLeftUndisposedIsRefusedNamingIt() {
        RunView run = ended.completedDrill(45);
        TestAccounts.signIn("rev-frank", Role.MANAGER);
        assertThat(reviews.review(run.id()).exceptions())
                .extracting(RunException::code)
                .containsExactly("DATA_LOSS_ACCEPTED", "RPO_OVER_TARGET");

        assertThatThrownBy(() -> reviews.decide(
                        run.id(), signOff(new Disposition("DATA_LOSS_ACCEPTED", "drill: the loss was simulated"))))
                .isInstanceOfSatisfying(PortalException.class, e -> {
                    assertThat(e.code()).isEqualTo("review_exception_undisposed");
                    assertThat(e.arguments()).containsExactly("RPO_OVER_TARGET");
                });
        assertThat(reviews.review(run.id()).state()).isEqualTo(ReviewState.WAITING);
        assertThat(reviews.review(run.id()).exceptions()).noneMatch(RunException::disposed);
    }

    @Test
    void aSignOffWithEveryExceptionDisposedClosesTheReviewAndIsAudited() {
        RunView run = ended.completedDrill(45);
        TestAccounts.signIn("rev-frank", Role.MANAGER);

        ReviewView signed = reviews.decide(
                run.id(),
                new ReviewDecision(
                        Outcome.SIGN_OFF,
                        "good drill",
                        List.of(
                                new Disposition("DATA_LOSS_ACCEPTED", "simulated loss"),
                                new Disposition("RPO_OVER_TARGET", "log backups every 15 minutes from now on")),
                        List.of(new NewFinding(
                                "Shorten the log backup interval", "rev-alice", LocalDate.of(2027, 1, 31)))));

        assertThat(signed.state()).isEqualTo(ReviewState.SIGNED_OFF);
        assertThat(signed.decidedBy()).isEqualTo("rev-frank");
        assertThat(signed.actions()).doesNotContain("review/SIGN_OFF");
        assertThat(signed.exceptions()).isNotEmpty().allMatch(RunException::disposed);
        assertThat(signed.findings())
                .singleElement()
                .satisfies(finding -> assertThat(finding.open()).isTrue());
        assertThat(reviews.waiting()).extracting(ReviewSummary::runId).doesNotContain(run.id());
        assertThatThrownBy(() -> reviews.decide(run.id(), signOff()))
                .isInstanceOfSatisfying(
                        PortalException.class, e -> assertThat(e.code()).isEqualTo("review_already_signed_off"));

        TestAccounts.signIn("rev-erin", Role.AUDITOR);
        assertThat(AuditReads.ofAction(audit, "REVIEW_SIGNED_OFF", 50))
                .extracting(AuditEntry::target, AuditEntry::actor)
                .contains(org.assertj.core.groups.Tuple.tuple("run " + run.id(), "rev-frank"));
    }

    @Test
    void aReturnNeedsAFindingAndTheRunWaitsForReviewAgain() {
        RunView run = ended.abortedDrillWithRetriedStep();
        TestAccounts.signIn("rev-frank", Role.MANAGER);

        assertThatThrownBy(
                        () -> reviews.decide(run.id(), new ReviewDecision(Outcome.RETURN, "no", List.of(), List.of())))
                .isInstanceOfSatisfying(
                        PortalException.class, e -> assertThat(e.code()).isEqualTo("review_return_needs_finding"));

        ReviewView returned = reviews.decide(
                run.id(),
                new ReviewDecision(
                        Outcome.RETURN,
                        "step 1 failed on permissions",
                        List.of(),
                        List.of(new NewFinding("Grant the service account sysadmin", EndedRuns.EXECUTOR, today(3)))));

        assertThat(returned.state()).isEqualTo(ReviewState.RETURNED);
        assertThat(reviews.waiting()).extracting(ReviewSummary::runId).contains(run.id());
    }

    @Test
    void aFindingIsClosedWithANoteByItsOwnerOnceAndByNobodyElseButAManager() {
        RunView run = ended.abortedDrillWithRetriedStep();
        TestAccounts.signIn("rev-frank", Role.MANAGER);
        Finding finding = reviews.decide(
                        run.id(),
                        new ReviewDecision(
                                Outcome.RETURN,
                                null,
                                List.of(),
                                List.of(new NewFinding("Fix permissions", EndedRuns.EXECUTOR, today(3)))))
                .findings()
                .getFirst();

        TestAccounts.signIn("rev-someone", Role.OPERATOR);
        assertThatThrownBy(() -> reviews.closeFinding(finding.id(), "done"))
                .isInstanceOfSatisfying(
                        PortalException.class, e -> assertThat(e.code()).isEqualTo("finding_close_forbidden"));

        TestAccounts.signIn(EndedRuns.EXECUTOR, Role.OPERATOR);
        assertThatThrownBy(() -> reviews.closeFinding(finding.id(), " "))
                .isInstanceOfSatisfying(
                        PortalException.class, e -> assertThat(e.code()).isEqualTo("finding_note_required"));
        Finding closed = reviews.closeFinding(finding.id(), "granted on both SQL Servers");
        assertThat(closed.open()).isFalse();
        assertThat(closed.closedBy()).isEqualTo(EndedRuns.EXECUTOR);
        assertThatThrownBy(() -> reviews.closeFinding(finding.id(), "again"))
                .isInstanceOfSatisfying(
                        PortalException.class, e -> assertThat(e.code()).isEqualTo("finding_already_closed"));
    }

    @Test
    void reviewsAndFindingsPastTheirDeadlineShowAsOverdue() {
        RunView run = ended.abortedDrillWithRetriedStep();
        TestAccounts.signIn("rev-frank", Role.MANAGER);
        Finding finding = reviews.decide(
                        run.id(),
                        new ReviewDecision(
                                Outcome.RETURN,
                                null,
                                List.of(),
                                List.of(new NewFinding("Rehearse step 1", EndedRuns.EXECUTOR, today(2)))))
                .findings()
                .getFirst();
        assertThat(reviews.overdueReviews()).extracting(ReviewSummary::runId).doesNotContain(run.id());
        assertThat(reviews.overdueFindings()).extracting(Finding::id).doesNotContain(finding.id());

        clock.advance(Duration.ofDays(8));

        TestAccounts.signIn("rev-anyone", Role.OPERATOR);
        assertThat(reviews.overdueReviews()).extracting(ReviewSummary::runId).contains(run.id());
        assertThat(reviews.overdueFindings()).extracting(Finding::id).contains(finding.id());
    }

    @Test
    void aRunStillGoingHasNoReview() {
        TestAccounts.signIn("rev-frank", Role.MANAGER);
        assertThatThrownBy(() -> reviews.review(Long.MAX_VALUE))
                .isInstanceOfSatisfying(
                        PortalException.class, e -> assertThat(e.code()).isEqualTo("review_not_found"));
    }

    private LocalDate today(int plusDays) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(plusDays);
    }

    private static ReviewDecision signOff(Disposition... dispositions) {
        return new ReviewDecision(Outcome.SIGN_OFF, null, List.of(dispositions), List.of());
    }
}
