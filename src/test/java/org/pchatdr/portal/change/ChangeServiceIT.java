package org.pchatdr.portal.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pchatdr.portal.testsupport.TestAccounts.signIn;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.approval.Subject;
import org.pchatdr.portal.audit.AuditService;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalTime;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunRequest;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.testsupport.AuditReads;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.pchatdr.portal.testsupport.MutableClock;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologySamples;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/**
 * Change requests from proposal to review, against the real database, approval engine and
 * topology service: every rule of issue 13 that a person would notice.
 */
@IntegrationTest
class ChangeServiceIT {

    static final String POOL = "pchat.contoso.local";

    @Autowired
    UserAccountService userAccounts;

    @Autowired
    ChangeService changes;

    @Autowired
    ChangeCalendarService calendar;

    @Autowired
    TopologyService topologies;

    @Autowired
    RunService runs;

    @Autowired
    AuditService audit;

    @Autowired
    MutableClock clock;

    @Autowired
    ChangeApprovals inbox;

    @BeforeEach
    void someoneCanApprove() {
        new TestAccounts(userAccounts).standingApprovers();
    }

    /** Windows and freezes hold for every pool of every test: leave none behind. */
    @AfterEach
    void clearCalendarAndSignOut() {
        signIn("calendar-admin", Role.ADMIN);
        calendar.windows().forEach(window -> calendar.removeWindow(window.id()));
        calendar.freezes().forEach(freeze -> calendar.removeFreeze(freeze.id()));
        TestAccounts.signOut();
    }

    @Test
    void aDescriptionEditKeepsTheApprovalsAndAWindowEditVoidsThem() {
        long topology = publishedWith(activeServerRemoved());
        ChangeView change = submitted(topology, 2, Duration.ofHours(1));
        assertThat(change.risk().effective()).isEqualTo(RiskLevel.HIGH);
        assertThat(change.requiredApprovers()).isEqualTo(2);

        change = approveAs("carol", change);
        assertThat(change.state()).isEqualTo(ChangeState.SUBMITTED);
        change = approveAs("dave", change);
        assertThat(change.state()).isEqualTo(ChangeState.APPROVED);
        String approvedHash = change.contentHash();

        signIn("alice", Role.OPERATOR);
        change =
                changes.revise(change.id(), change.revision(), draft(topology, 2, "Better title", Duration.ofHours(1)));
        assertThat(change.revision()).isEqualTo(2);
        assertThat(change.contentHash()).isEqualTo(approvedHash);
        assertThat(change.state()).isEqualTo(ChangeState.APPROVED);
        assertThat(change.current().approvalRound()).isEqualTo(1);

        change =
                changes.revise(change.id(), change.revision(), draft(topology, 2, "Better title", Duration.ofHours(2)));
        assertThat(change.revision()).isEqualTo(3);
        assertThat(change.contentHash()).isNotEqualTo(approvedHash);
        assertThat(change.state()).isEqualTo(ChangeState.SUBMITTED);
        assertThat(change.approvals())
                .extracting(ChangeView.RoundApprovals::revision, ChangeView.RoundApprovals::current)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, false), org.assertj.core.groups.Tuple.tuple(3, true));
        assertThat(change.approvals().getFirst().decisions()).hasSize(2);
        assertThat(change.approvals().getLast().decisions()).isEmpty();

        change = approveAs("carol", change);
        change = approveAs("dave", change);
        assertThat(change.state()).isEqualTo(ChangeState.APPROVED);

        signIn("auditor", Role.AUDITOR);
        long id = change.id();
        assertThat(AuditReads.newest(audit, 50)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("CHANGE_APPROVALS_VOIDED");
            assertThat(entry.target()).isEqualTo("change " + id + " r3");
            assertThat(entry.details()).contains("2 approval(s) of revision 2 (" + approvedHash + ")");
        });
    }

    @Test
    void theRequesterNeverApprovesAndNobodyApprovesTwice() {
        long topology = publishedWith(activeServerRemoved());
        ChangeView change = submitted(topology, 2, Duration.ofHours(1));

        signIn("alice", Role.OPERATOR, Role.APPROVER);
        ChangeView seen = change;
        refused(() -> changes.approve(seen.id(), seen.revision(), null), "change_four_eyes");

        ChangeView once = approveAs("carol", change);
        assertThat(once.actions()).doesNotContain("approve");
        refused(() -> changes.approve(once.id(), once.revision(), null), "change_already_decided");
    }

    @Test
    void whoeverApprovedDoesNotImplementIt() {
        long topology = publishedWith(activeServerRemoved());
        ChangeView change = submitted(topology, 2, Duration.ofHours(1));
        change = approveAs("carol", change);
        change = approveAs("dave", change);

        signIn("dave", Role.OPERATOR, Role.APPROVER);
        ChangeView approved = change;
        refused(() -> changes.start(approved.id(), approved.revision()), "change_executor_is_approver");

        signIn("erin", Role.OPERATOR);
        assertThat(changes.change(change.id()).actions()).contains("start");
        assertThat(changes.start(change.id(), change.revision()).state()).isEqualTo(ChangeState.IMPLEMENTING);
    }

    @Test
    void implementationStartsOnlyInsideTheWindowAndOutsideEveryFreeze() {
        long topology = publishedWith(activeServerRemoved());
        ChangeView change = submitted(topology, 2, Duration.ofHours(1), Duration.ofHours(2));
        change = approveAs("carol", change);
        change = approveAs("dave", change);

        signIn("erin", Role.OPERATOR);
        ChangeView early = change;
        refused(() -> changes.start(early.id(), early.revision()), "change_outside_window");

        clock.advance(Duration.ofMinutes(90));
        signIn("calendar-admin", Role.ADMIN);
        Instant now = clock.instant();
        calendar.addFreeze(now.minusSeconds(60), now.plusSeconds(600), "Quarter close", List.of(POOL));
        signIn("erin", Role.OPERATOR);
        refused(() -> changes.start(early.id(), early.revision()), "change_frozen");

        clock.advance(Duration.ofMinutes(15));
        assertThat(changes.start(change.id(), change.revision()).state()).isEqualTo(ChangeState.IMPLEMENTING);
    }

    @Test
    void aWindowOutsideThePoolsMaintenanceWindowsOrInAFreezeCannotBeSubmitted() {
        long topology = publishedWith(activeServerRemoved());
        Instant now = clock.instant();
        signIn("calendar-admin", Role.ADMIN);
        var window = calendar.addWindow(POOL, now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)), "Saturday");
        signIn("alice", Role.OPERATOR);
        ChangeView outside = changes.create(draft(topology, 2, "Fix", Duration.ofHours(1)));
        refused(() -> changes.submit(outside.id(), outside.revision()), "change_window_outside_maintenance");

        ChangeView inside = changes.create(draft(topology, 2, "Fix", Duration.ofHours(26), Duration.ofHours(28)));
        signIn("calendar-admin", Role.ADMIN);
        calendar.addFreeze(window.start(), window.end(), "Release freeze", List.of());
        signIn("alice", Role.OPERATOR);
        // Deny beats allow: the freeze covers every pool, the maintenance window included.
        refused(() -> changes.submit(inside.id(), inside.revision()), "change_window_in_freeze");

        // ADMIN keeps them, on the audit trail.
        signIn("auditor", Role.AUDITOR);
        assertThat(AuditReads.newest(audit, 50))
                .anySatisfy(entry -> {
                    assertThat(entry.action()).isEqualTo("CHANGE_WINDOW_ADDED");
                    assertThat(entry.actor()).isEqualTo("calendar-admin");
                    assertThat(entry.details()).contains("window #" + window.id() + " " + POOL);
                })
                .anySatisfy(entry -> {
                    assertThat(entry.action()).isEqualTo("CHANGE_FREEZE_ADDED");
                    assertThat(entry.actor()).isEqualTo("calendar-admin");
                    assertThat(entry.details()).contains("all pools: Release freeze");
                });
    }

    @Test
    void anOverlappingChangeOnTheSamePoolIsShownAndBlocksTheStart() {
        long topology = publishedWith(activeServerRemoved());
        ChangeView first = submitted(topology, 2, Duration.ofHours(1));
        ChangeView second = submitted(topology, 2, Duration.ofHours(1));
        assertThat(second.conflicts()).containsExactly("change " + first.id() + " (" + POOL + ")");
        second = approveAs("carol", second);
        second = approveAs("dave", second);

        signIn("erin", Role.OPERATOR);
        ChangeView blocked = second;
        refused(() -> changes.start(blocked.id(), blocked.revision()), "change_conflict");
        signIn("alice", Role.OPERATOR);
        changes.cancel(first.id(), first.revision(), "Superseded");
        signIn("erin", Role.OPERATOR);
        assertThat(changes.start(second.id(), second.revision()).state()).isEqualTo(ChangeState.IMPLEMENTING);
    }

    @Test
    void aRunActiveOnThePoolIsShownOnSubmitAndBlocksTheStartUntilItEnds() {
        long topology = publishedWith(activeServerRemoved());
        signIn("erin", Role.OPERATOR);
        RunView run = runs.request(
                new RunRequest(topology, POOL, "configure-mirroring", null, RunKind.CONFIGURATION, "Reseed", null),
                Locale.ENGLISH);

        ChangeView change = submitted(topology, 2, Duration.ofHours(1));
        assertThat(change.conflicts()).containsExactly("run " + run.id() + " (" + POOL + ")");
        change = approveAs("carol", change);
        change = approveAs("dave", change);

        signIn("erin", Role.OPERATOR);
        ChangeView blocked = change;
        refused(() -> changes.start(blocked.id(), blocked.revision()), "change_conflict");
        runs.abort(run.id(), run.version(), "The change comes first");
        assertThat(changes.change(change.id()).conflicts()).isEmpty();
        assertThat(changes.start(change.id(), change.revision()).state()).isEqualTo(ChangeState.IMPLEMENTING);
    }

    @Test
    void theRiskIsComputedFromTheDiffWithItsReasonsAndNeverBelowTheDeclaredOne() {
        long topology = publishedWith(alertThreshold(90));
        signIn("alice", Role.OPERATOR);
        ChangeView change = changes.create(draft(topology, 2, "Alert later", Duration.ofHours(1)));

        assertThat(change.risk().computed()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(change.risk().reasons())
                .containsExactly(new Risk.Reason(
                        RiskLevel.MEDIUM, "log-shipping-threshold", "pools[0].logShipping.backupAlertMinutes"));
        assertThat(change.current().pools()).containsExactly(POOL);
        assertThat(change.diff()).hasSize(1);

        ChangeDraft declaredHigh = draft(topology, 2, "Alert later", Duration.ofHours(1));
        ChangeView high = changes.create(new ChangeDraft(
                declaredHigh.title(),
                ChangeType.NORMAL,
                topology,
                2,
                null,
                RiskLevel.HIGH,
                "plan",
                "backout",
                "test",
                declaredHigh.windowStart(),
                declaredHigh.windowEnd(),
                "Europe/Paris",
                null));
        assertThat(high.risk().effective()).isEqualTo(RiskLevel.HIGH);
        assertThat(high.approvalKind()).isEqualTo("change:HIGH");
    }

    @Test
    void aStandardChangeInsideItsTemplateNeedsNoApprovalAndOneOutsideItIsRefusedAsStandard() {
        signIn("admin-1", Role.ADMIN);
        long template = changes.createTemplate(
                "Log-shipping alert thresholds", "pools[*].logShipping.backupAlertMinutes|30|120");
        signIn("approver-1", Role.APPROVER);
        changes.approveTemplate(template);

        long inside = publishedWith(alertThreshold(90));
        signIn("alice", Role.OPERATOR);
        ChangeView standard = changes.create(standard(inside, template));
        assertThat(changes.submit(standard.id(), standard.revision()).state()).isEqualTo(ChangeState.APPROVED);

        long outside = publishedWith(alertThreshold(200));
        signIn("alice", Role.OPERATOR);
        ChangeView tooFar = changes.create(standard(outside, template));
        refused(() -> changes.submit(tooFar.id(), tooFar.revision()), "change_outside_template");
    }

    @Test
    void publishingAnotherVersionNeedsAnApprovedChangeForThatVersionWithItsWindowOpen() {
        signIn("alice", Role.OPERATOR);
        long topology = topologies.create(Contoso.topology(), null).topologyId();
        signIn("carol", Role.APPROVER);
        topologies.publish(topology, 1);
        signIn("alice", Role.OPERATOR);
        topologies.saveVersion(topology, 1, Contoso.renamed("Contoso v2"), null);
        topologies.saveVersion(topology, 2, Contoso.renamed("Contoso v3"), null);

        signIn("carol", Role.APPROVER);
        refused(() -> topologies.publish(topology, 2), "change_request_required");

        ChangeView forThree = submitted(topology, 3, Duration.ofHours(1));
        forThree = approveAs("dave", forThree);
        assertThat(forThree.state()).isEqualTo(ChangeState.APPROVED);
        signIn("carol", Role.APPROVER);
        refused(() -> topologies.publish(topology, 2), "change_request_required");

        ChangeView forTwo = submitted(topology, 2, Duration.ofMinutes(-10), Duration.ofHours(1));
        approveAs("dave", forTwo);
        signIn("carol", Role.APPROVER);
        assertThat(topologies.publish(topology, 2).isPublished()).isTrue();
    }

    @Test
    void anEmergencyStartsOnOneApprovalIsRatifiedAfterAndReviewedBySomeoneWhoTookNoPart() {
        long topology = publishedWith(activeServerRemoved());
        signIn("alice", Role.OPERATOR);
        ChangeDraft base = draft(topology, 2, "Server down", Duration.ofMinutes(-5), Duration.ofHours(1));
        ChangeView change = changes.create(new ChangeDraft(
                base.title(),
                ChangeType.EMERGENCY,
                topology,
                2,
                "Outage",
                null,
                "plan",
                "backout",
                "test",
                base.windowStart(),
                base.windowEnd(),
                "UTC",
                null));
        change = changes.submit(change.id(), change.revision());
        change = approveAs("carol", change);
        assertThat(change.state()).isEqualTo(ChangeState.APPROVED);
        assertThat(change.approvalKind()).isEqualTo("change:EMERGENCY");

        signIn("erin", Role.OPERATOR, Role.APPROVER);
        change = changes.start(change.id(), change.revision());
        assertThat(change.ratified()).isFalse();
        ChangeView started = change;
        refused(() -> changes.approve(started.id(), started.revision(), null), "change_ratify_four_eyes");
        change = approveAs("dave", change);
        assertThat(change.ratified()).isTrue();

        signIn("erin", Role.OPERATOR);
        change = changes.complete(change.id(), change.revision(), Outcome.SUCCESSFUL, null);
        assertThat(change.state()).isEqualTo(ChangeState.IMPLEMENTED);
        assertThat(change.reviewDue()).isTrue();
        ChangeView done = change;
        refused(() -> changes.close(done.id(), done.revision()), "change_review_required");
        assertThat(done.review().draft()).contains("Outcome: SUCCESSFUL").contains("Implemented by: erin");

        signIn("carol", Role.APPROVER);
        refused(() -> changes.review(done.id(), done.revision(), "Went fine"), "change_reviewer_took_part");
        signIn("rita", Role.APPROVER);
        change = changes.review(done.id(), done.revision(), "Went fine; monitor alert thresholds.");
        assertThat(change.state()).isEqualTo(ChangeState.REVIEWED);
        assertThat(change.review().signedBy()).isEqualTo("rita");
        assertThat(change.review().text()).contains("Planned window").contains("monitor alert thresholds");
    }

    @Test
    void anApproverFindsASubmittedChangeInTheInboxAndTheRequesterDoesNot() {
        long topology = publishedWith(activeServerRemoved());
        ChangeView change = submitted(topology, 2, Duration.ofHours(1));

        signIn("carol", Role.APPROVER);
        assertThat(inbox.waiting(java.util.Locale.ENGLISH))
                .filteredOn(item -> item.subject().equals(new Subject(ChangeService.SUBJECT_TYPE, change.id())))
                .singleElement()
                .satisfies(item -> {
                    assertThat(item.path()).isEqualTo("changes/" + change.id());
                    assertThat(item.requestedBy()).isEqualTo("alice");
                });

        // C-1: the requester, even holding APPROVER, has nothing to decide on their own request.
        signIn("alice", Role.OPERATOR, Role.APPROVER);
        assertThat(inbox.waiting(java.util.Locale.ENGLISH))
                .noneMatch(item -> item.subject().id() == change.id());
    }

    @Test
    void aRejectedChangeIsFinishedAndLeavesTheApproversInbox() {
        long topology = publishedWith(activeServerRemoved());
        ChangeView change = submitted(topology, 2, Duration.ofHours(1));

        signIn("carol", Role.APPROVER);
        ChangeView rejected = changes.reject(change.id(), change.revision(), "No backout tested");

        assertThat(rejected.state()).isEqualTo(ChangeState.REJECTED);
        signIn("dave", Role.APPROVER);
        assertThat(changes.change(change.id()).actions()).doesNotContain("approve", "reject");
        refused(() -> changes.approve(rejected.id(), rejected.revision(), null), "change_wrong_state");
        assertThat(inbox.waiting(java.util.Locale.ENGLISH))
                .noneMatch(item -> item.subject().id() == change.id());
    }

    @Test
    void aBackedOutChangeIsClosedByAnOperatorOnlyAfterItsMandatoryReview() {
        // Past every window other tests left planned on the same pool (C-8 would block the start).
        clock.advance(Duration.ofDays(2));
        long topology = publishedWith(activeServerRemoved());
        ChangeView change = submitted(topology, 2, Duration.ofHours(1));
        change = approveAs("carol", change);
        change = approveAs("dave", change);
        signIn("erin", Role.OPERATOR);
        change = changes.start(change.id(), change.revision());
        change = changes.complete(change.id(), change.revision(), Outcome.BACKED_OUT, "Room posts failed");
        assertThat(change.state()).isEqualTo(ChangeState.BACKED_OUT);
        assertThat(change.reviewDue()).isTrue();
        ChangeView backedOut = change;
        signIn("alice", Role.OPERATOR);
        // C-10: a back-out is reviewed before it is closed.
        refused(() -> changes.close(backedOut.id(), backedOut.revision()), "change_wrong_state");

        signIn("rita", Role.APPROVER);
        change = changes.review(change.id(), change.revision(), "Backed out cleanly; retest the rooms.");
        signIn("alice", Role.OPERATOR);
        assertThat(change.state()).isEqualTo(ChangeState.REVIEWED);
        change = changes.close(change.id(), change.revision());

        assertThat(change.state()).isEqualTo(ChangeState.CLOSED);
        assertThat(changes.list(ChangeState.CLOSED, topology, null, PageRequest.of(0, 10))
                        .getContent())
                .extracting(ChangeSummary::id)
                .containsExactly(change.id());
    }

    @Test
    void actingOnAnOlderRevisionSaysWhoChangedItAndWhen() {
        long topology = publishedWith(activeServerRemoved());
        ChangeView change = submitted(topology, 2, Duration.ofHours(1));
        signIn("bob", Role.OPERATOR);
        changes.revise(change.id(), 1, draft(topology, 2, "Renamed", Duration.ofHours(1)));

        signIn("carol", Role.APPROVER);
        assertThatThrownBy(() -> changes.approve(change.id(), 1, null))
                .isInstanceOfSatisfying(PortalException.class, e -> {
                    assertThat(e.code()).isEqualTo("change_stale");
                    // Who, and when as the portal writes a moment (to the second, UTC), as runs say it.
                    assertThat(e.arguments()).contains("bob", 2, PortalTime.format(clock.instant()));
                });
    }

    /** A topology published at version 1 with {@code next} saved as version 2. */
    private long publishedWith(Topology next) {
        signIn("alice", Role.OPERATOR);
        long id = topologies.create(Contoso.topology(), null).topologyId();
        signIn("carol", Role.APPROVER);
        topologies.publish(id, 1);
        signIn("alice", Role.OPERATOR);
        topologies.saveVersion(id, 1, next, null);
        return id;
    }

    private static Topology activeServerRemoved() {
        return TopologySamples.read(Contoso.textWith(
                "{ \"fqdn\": \"pc02.contoso.local\", \"site\": \"PAR\", \"active\": true }",
                "{ \"fqdn\": \"pc02.contoso.local\", \"site\": \"PAR\", \"active\": false }"));
    }

    private static Topology alertThreshold(int minutes) {
        return TopologySamples.read(
                Contoso.textWith("\"backupAlertMinutes\": 60", "\"backupAlertMinutes\": " + minutes));
    }

    private ChangeDraft draft(long topology, int version, String title, Duration length) {
        return draft(topology, version, title, Duration.ZERO, length);
    }

    private ChangeDraft draft(long topology, int version, String title, Duration from, Duration to) {
        Instant now = clock.instant();
        return new ChangeDraft(
                title,
                ChangeType.NORMAL,
                topology,
                version,
                "Because",
                null,
                "Apply the version.",
                "Publish the previous version.",
                "Check the alerts.",
                now.plus(from).toString(),
                now.plus(to).toString(),
                "Europe/Paris",
                null);
    }

    private ChangeDraft standard(long topology, long template) {
        ChangeDraft base = draft(topology, 2, "Threshold", Duration.ofHours(1));
        return new ChangeDraft(
                base.title(),
                ChangeType.STANDARD,
                topology,
                2,
                null,
                null,
                "plan",
                "backout",
                "test",
                base.windowStart(),
                base.windowEnd(),
                "UTC",
                template);
    }

    private ChangeView submitted(long topology, int version, Duration length) {
        return submitted(topology, version, Duration.ZERO, length);
    }

    private ChangeView submitted(long topology, int version, Duration from, Duration to) {
        signIn("alice", Role.OPERATOR);
        ChangeView change = changes.create(draft(topology, version, "Change", from, to));
        return changes.submit(change.id(), change.revision());
    }

    private ChangeView approveAs(String approver, ChangeView change) {
        signIn(approver, Role.APPROVER);
        return changes.approve(change.id(), change.revision(), null);
    }

    private static void refused(ThrowingCallable call, String code) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        PortalException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
