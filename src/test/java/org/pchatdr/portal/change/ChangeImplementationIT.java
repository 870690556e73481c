package org.pchatdr.portal.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pchatdr.portal.testsupport.TestAccounts.signIn;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.audit.AuditService;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunRequest;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunState;
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

/**
 * Implementing a change request (issue 13): the configuration runs it creates on the proposed
 * version and approves itself, the window checked before every step with approvers' extensions
 * (C-11), an emergency's freeze override by a second approver (C-12), what changed since an
 * approval, and the review the portal drafts from the runs.
 */
@IntegrationTest
class ChangeImplementationIT {

    static final String POOL = "pchat.contoso.local";

    @Autowired
    UserAccountService userAccounts;

    @Autowired
    ChangeService changes;

    @Autowired
    ChangeCalendarService calendar;

    @Autowired
    RunService runs;

    @Autowired
    TopologyService topologies;

    @Autowired
    AuditService audit;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void someoneCanApprove() {
        new TestAccounts(userAccounts).standingApprovers();
    }

    @AfterEach
    void clearCalendarAndSignOut() {
        signIn("calendar-admin", Role.ADMIN);
        calendar.windows().forEach(window -> calendar.removeWindow(window.id()));
        calendar.freezes().forEach(freeze -> calendar.removeFreeze(freeze.id()));
        TestAccounts.signOut();
    }

    @Test
    void startingTheImplementationCreatesTheConfigurationRunOfTheProposedVersionApprovedByTheChange() {
        long topology = publishedWith(logShippingCopyMoved());
        ChangeView change = approvedHigh(topology, Duration.ofHours(2));

        signIn("erin", Role.OPERATOR);
        change = changes.start(change.id(), change.revision());

        assertThat(change.runs()).singleElement().satisfies(run -> {
            assertThat(run.pool()).isEqualTo(POOL);
            assertThat(run.procedure()).startsWith("configure-log-shipping");
            assertThat(run.runId()).isNotNull();
            assertThat(run.state()).isEqualTo(RunState.APPROVED);
        });
        RunView run = runs.run(change.runs().getFirst().runId());
        assertThat(run.kind()).isEqualTo(RunKind.CONFIGURATION);
        assertThat(run.topologyVersion())
                .as("the proposed version, not the published one")
                .isEqualTo(2);
        // No second approval round: the change's approvers are the run's.
        assertThat(run.approvals().satisfied()).isTrue();
        assertThat(run.approvals().decisions())
                .extracting(org.pchatdr.portal.approval.Approval::approver)
                .containsExactlyInAnyOrder("carol", "dave");
        assertThat(run.actions()).contains("start");
        assertThat(change.conflicts()).as("its own run is no conflict").isEmpty();

        // No second approval round: an approver who took no part is offered no approval of the run's own.
        signIn("rita", Role.APPROVER);
        RunView seenByRita = runs.run(run.id());
        assertThat(seenByRita.actions()).doesNotContain("approve", "reject", "withdraw");
        refused(() -> runs.approve(seenByRita.id(), seenByRita.version(), null), "run_sponsored");
        assertThat(runs.inbox()).noneMatch(item -> item.run().id() == seenByRita.id());

        // C-3 holds on the run too: whoever approved the change does not execute its steps.
        signIn("carol", Role.OPERATOR, Role.APPROVER);
        RunView approved = run;
        refused(() -> runs.start(approved.id(), approved.version()), "run_executor_is_approver");

        signIn("erin", Role.OPERATOR);
        run = walk(runs.start(run.id(), run.version()));
        assertThat(run.state()).isEqualTo(RunState.COMPLETED);
        change = changes.complete(change.id(), changes.change(change.id()).revision(), Outcome.SUCCESSFUL, null);
        assertThat(change.review().draft())
                .contains("Configuration runs:", "run " + run.id() + " " + run.procedure(), "step 1 ")
                .contains("Deviations: none");

        signIn("auditor", Role.AUDITOR);
        long runId = run.id();
        assertThat(AuditReads.newest(audit, 100))
                .anySatisfy(entry -> {
                    assertThat(entry.action()).isEqualTo("RUN_APPROVED");
                    assertThat(entry.details()).contains("approved by change request");
                })
                .anySatisfy(entry -> {
                    assertThat(entry.action()).isEqualTo("CHANGE_RUN_CREATED");
                    assertThat(entry.details()).contains("run " + runId);
                });
    }

    @Test
    void pastTheWindowsEndTheStepUnderWayFinishesAndTheNextWaitsForAnotherApproversExtension() {
        long topology = publishedWith(logShippingCopyMoved());
        ChangeView change = approvedHigh(topology, Duration.ofMinutes(30));
        signIn("erin", Role.OPERATOR, Role.APPROVER);
        change = changes.start(change.id(), change.revision());
        RunView run = runs.run(change.runs().getFirst().runId());
        run = runs.start(run.id(), run.version());
        run = runs.startStep(run.id(), run.version(), 1);

        clock.advance(Duration.ofMinutes(45));
        run = runs.completeStep(run.id(), run.version(), 1, "done late", null);
        RunView late = run;
        refused(() -> runs.startStep(late.id(), late.version(), 2), "change_window_ended");

        // C-11: the implementer never extends their own window.
        ChangeView implementing = changes.change(change.id());
        assertThat(implementing.actions()).doesNotContain("extend");
        String until = clock.instant().plus(Duration.ofHours(1)).toString();
        refused(
                () -> changes.extend(implementing.id(), implementing.revision(), until, "Slow copy"),
                "change_extension_by_implementer");

        signIn("rita", Role.APPROVER);
        refused(() -> changes.extend(implementing.id(), implementing.revision(), until, " "), "change_reason_required");
        change = changes.extend(implementing.id(), implementing.revision(), until, "The copy share is slow");
        assertThat(change.extensions()).singleElement().satisfies(extension -> {
            assertThat(extension.grantedBy()).isEqualTo("rita");
            assertThat(extension.reason()).isEqualTo("The copy share is slow");
        });

        signIn("erin", Role.OPERATOR);
        run = walk(runs.startStep(run.id(), run.version(), 2));
        assertThat(run.state()).isEqualTo(RunState.COMPLETED);
        change = changes.complete(change.id(), change.revision(), Outcome.WITH_ISSUES, "Late");
        assertThat(change.review().draft())
                .contains("Window extended to", "by rita", "The copy share is slow", "ran past the window, extended")
                .contains("window extended 1 time(s)");

        signIn("auditor", Role.AUDITOR);
        assertThat(AuditReads.newest(audit, 100)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("CHANGE_WINDOW_EXTENDED");
            assertThat(entry.actor()).isEqualTo("rita");
            assertThat(entry.details()).contains("The copy share is slow");
        });
    }

    @Test
    void retriesFailuresAndSkipsOfTheRunsAreTheReviewsDeviations() {
        long topology = publishedWith(logShippingCopyMoved());
        ChangeView change = approvedHigh(topology, Duration.ofHours(2));
        signIn("erin", Role.OPERATOR);
        change = changes.start(change.id(), change.revision());
        RunView run = runs.run(change.runs().getFirst().runId());
        run = runs.start(run.id(), run.version());
        run = runs.startStep(run.id(), run.version(), 1);
        run = runs.failStep(run.id(), run.version(), 1, "Access denied on the share");
        run = runs.retryStep(run.id(), run.version(), 1);
        run = runs.completeStep(run.id(), run.version(), 1, null, null);
        run = runs.requestSkip(run.id(), run.version(), 2, "Done by hand");
        signIn("rita", Role.APPROVER);
        run = runs.approveSkip(run.id(), run.version(), 2, null);
        signIn("erin", Role.OPERATOR);
        run = walk(run);

        change = changes.complete(change.id(), change.revision(), Outcome.WITH_ISSUES, null);
        assertThat(change.review().draft())
                .contains("run " + run.id() + " step 1: failed: Access denied on the share")
                .contains("run " + run.id() + " step 1: 2 attempts (retried)")
                .contains("run " + run.id() + " step 2: skipped: Done by hand (allowed by rita)");
    }

    @Test
    void anEmergencyStartsInsideAFreezeOnlyOnceASecondApproverOverrodeIt() {
        long topology = publishedWith(logShippingCopyMoved());
        Instant now = clock.instant();
        signIn("calendar-admin", Role.ADMIN);
        calendar.addFreeze(now.minusSeconds(60), now.plus(Duration.ofDays(1)), "Quarter close", List.of(POOL));

        signIn("alice", Role.OPERATOR);
        ChangeView normal = changes.create(draft(topology, ChangeType.NORMAL, Duration.ofHours(1)));
        refused(() -> changes.submit(normal.id(), normal.revision()), "change_window_in_freeze");
        ChangeView change = changes.create(draft(topology, ChangeType.EMERGENCY, Duration.ofHours(1)));
        change = changes.submit(change.id(), change.revision());
        change = approveAs("carol", change);
        assertThat(change.state()).isEqualTo(ChangeState.APPROVED);

        signIn("erin", Role.OPERATOR);
        ChangeView approved = change;
        refused(() -> changes.start(approved.id(), approved.revision()), "change_frozen");

        // C-12: the approver whose approval lets the emergency start is not the second one.
        signIn("carol", Role.APPROVER);
        refused(
                () -> changes.overrideFreeze(approved.id(), approved.revision(), "Outage"),
                "change_override_four_eyes");
        signIn("dave", Role.APPROVER);
        assertThat(changes.change(change.id()).actions()).contains("override-freeze");
        change = changes.overrideFreeze(change.id(), change.revision(), "The outage costs more than the freeze");
        assertThat(change.freezeOverride().by()).isEqualTo("dave");

        signIn("erin", Role.OPERATOR);
        change = changes.start(change.id(), change.revision());
        assertThat(change.state()).isEqualTo(ChangeState.IMPLEMENTING);
        // The freeze no longer holds its runs' steps back either.
        RunView run = runs.run(change.runs().getFirst().runId());
        run = walk(runs.start(run.id(), run.version()));
        change = changes.complete(change.id(), change.revision(), Outcome.SUCCESSFUL, null);
        assertThat(change.review().draft())
                .contains("Freeze overridden by dave", "The outage costs more than the freeze");
    }

    @Test
    void approversSeeWhatChangedSinceTheyApproved() {
        long topology = publishedWith(logShippingCopyMoved());
        ChangeView change = approvedHigh(topology, Duration.ofHours(2));
        assertThat(change.sinceApproved()).isNull();

        signIn("alice", Role.OPERATOR);
        ChangeDraft later = draft(topology, ChangeType.NORMAL, Duration.ofHours(3));
        change = changes.revise(change.id(), change.revision(), later);

        assertThat(change.state()).isEqualTo(ChangeState.SUBMITTED);
        assertThat(change.sinceApproved().revision()).isEqualTo(1);
        assertThat(change.sinceApproved().changes()).singleElement().satisfies(field -> {
            assertThat(field.path()).isEqualTo("windowEnd");
            assertThat(field.after()).isEqualTo(Instant.parse(later.windowEnd()).toString());
        });
        assertThat(changes.changesSince(change.id(), 1))
                .isEqualTo(change.sinceApproved().changes());
    }

    @Test
    void aRunNoChangeStandsBehindIsNotApprovedOnAChangesWord() {
        long topology = publishedWith(logShippingCopyMoved());
        signIn("erin", Role.OPERATOR);
        RunView run = runs.request(
                new RunRequest(topology, POOL, "configure-mirroring", null, RunKind.CONFIGURATION, "Seed", null),
                java.util.Locale.ENGLISH);
        refused(() -> runs.approveAsSponsored(run.id(), run.version()), "run_not_sponsored");
        runs.abort(run.id(), run.version(), "Test over");
    }

    /** Every remaining step started and completed, in order. */
    private RunView walk(RunView run) {
        for (RunView.Step step : run.steps()) {
            if (step.state().isFinished()) {
                continue;
            }
            if (step.state() != org.pchatdr.portal.run.StepState.IN_PROGRESS) {
                run = runs.startStep(run.id(), run.version(), step.number());
            }
            run = runs.completeStep(run.id(), run.version(), step.number(), null, null);
        }
        return run;
    }

    /** A HIGH change (log shipping's copy destination) submitted by alice, approved by carol and dave. */
    private ChangeView approvedHigh(long topology, Duration length) {
        signIn("alice", Role.OPERATOR);
        ChangeView change = changes.create(draft(topology, ChangeType.NORMAL, length));
        assertThat(change.risk().effective()).isEqualTo(RiskLevel.HIGH);
        change = changes.submit(change.id(), change.revision());
        change = approveAs("carol", change);
        return approveAs("dave", change);
    }

    private ChangeDraft draft(long topology, ChangeType type, Duration length) {
        Instant now = clock.instant();
        return new ChangeDraft(
                "Move the log-shipping copy folder",
                type,
                topology,
                2,
                "Disk D is full",
                null,
                "Run the configuration procedure.",
                "Publish the previous version again.",
                "Check a restore.",
                now.toString(),
                now.plus(length).toString(),
                "UTC",
                null);
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

    private static Topology logShippingCopyMoved() {
        return TopologySamples.read(Contoso.textWith(
                "\"copyDestination\": \"D:\\\\PChatLogShipCopy\"", "\"copyDestination\": \"E:\\\\PChatLogShipCopy\""));
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
