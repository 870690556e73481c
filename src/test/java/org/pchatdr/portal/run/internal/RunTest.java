package org.pchatdr.portal.run.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.pchatdr.portal.base.Stamp;
import org.pchatdr.portal.procedure.Procedure;
import org.pchatdr.portal.procedure.Procedures;
import org.pchatdr.portal.run.RunAction;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunState;
import org.pchatdr.portal.run.StepState;
import org.pchatdr.portal.testsupport.Translations;
import org.pchatdr.portal.topology.Contoso;

/** The run's state machine, every transition allowed and refused, without Spring or a database. */
class RunTest {

    private static final Instant T = Instant.parse("2026-01-05T08:00:00Z");

    private static Run requested() {
        return run(
                RunKind.DRILL,
                false,
                new Run.FrozenStep(1, "F-1", "one"),
                new Run.FrozenStep(2, "F-2", "two"),
                new Run.FrozenStep(3, "F-3", "three"));
    }

    /** A failover whose step 2 recovers the backup database (F-4). */
    private static Run failover(RunKind kind, boolean gateWaived) {
        return run(
                kind,
                gateWaived,
                new Run.FrozenStep(1, "F-3", "restore the last logs"),
                new Run.FrozenStep(2, "F-4", "recover the backup"),
                new Run.FrozenStep(3, "F-5", "switch the pool"));
    }

    private static Run run(RunKind kind, boolean gateWaived, Run.FrozenStep... steps) {
        return new Run(
                new Run.Frozen(
                        1,
                        "Contoso",
                        3,
                        "pchat.contoso.local",
                        "site-failover",
                        "planned",
                        "ab".repeat(32),
                        60,
                        15,
                        List.of(steps)),
                kind,
                "quarterly drill",
                null,
                gateWaived,
                "alice",
                T);
    }

    private static Run running() {
        Run run = requested();
        run.approve("carol", T);
        run.start("bob", T.plusSeconds(60));
        return run;
    }

    @Test
    void aRequestedRunHasItsFrozenStepsNotStartedAndNeedsAReason() {
        Run run = requested();

        assertThat(run.getState()).isEqualTo(RunState.REQUESTED);
        assertThat(run.getSteps()).extracting(RunStep::getState).containsOnly(StepState.NOT_STARTED);
        assertThat(run.getChanged().by()).isEqualTo("alice");
        refused(
                () -> new Run(
                        new Run.Frozen(1, "C", 1, "p", "x", null, "s", null, null, List.of()),
                        RunKind.DRILL,
                        " ",
                        null,
                        false,
                        "alice",
                        T),
                RunRule.REASON_REQUIRED);
    }

    @Test
    void requestedRunIsApprovedThenStartedAndRecordsWhoAndWhen() {
        Run run = requested();
        run.approve("carol", T);
        assertThat(run.getState()).isEqualTo(RunState.APPROVED);

        run.start("bob", T.plusSeconds(5));
        assertThat(run.getState()).isEqualTo(RunState.IN_PROGRESS);
        assertThat(Stamp.byOf(run.getStarted())).isEqualTo("bob");
        assertThat(run.getChanged().at()).isEqualTo(T.plusSeconds(5));
    }

    @Test
    void aRunStartsOnlyOnceApprovedAndIsApprovedOnlyOnce() {
        refused(() -> requested().start("bob", T), RunRule.WRONG_STATE);
        Run approved = requested();
        approved.approve("carol", T);
        refused(() -> approved.approve("dave", T), RunRule.WRONG_STATE);
        refused(() -> running().approve("dave", T), RunRule.WRONG_STATE);
    }

    @Test
    void anApprovedRunGoesBackToRequestedWhenItsApprovalIsWithdrawn() {
        Run run = requested();
        run.approve("carol", T);
        run.backToRequested("carol", T);
        assertThat(run.getState()).isEqualTo(RunState.REQUESTED);
        refused(() -> run.backToRequested("carol", T), RunRule.WRONG_STATE);
    }

    @Test
    void aRunIsRejectedBeforeItStartsOnlyAndWithAComment() {
        Run run = requested();
        refused(() -> run.reject("carol", T, null), RunRule.REASON_REQUIRED);
        run.reject("carol", T, "not today");
        assertThat(run.getState()).isEqualTo(RunState.REJECTED);
        assertThat(run.getEndReason()).isEqualTo("not today");
        refused(() -> running().reject("carol", T, "too late"), RunRule.WRONG_STATE);
    }

    @Test
    void stepsGoInOrderFromNotStartedThroughInProgressToDone() {
        Run run = running();
        refused(() -> run.startStep(2, "bob", T), RunRule.STEP_OUT_OF_ORDER);
        refused(() -> run.completeStep(1, "bob", T, null, null), RunRule.STEP_WRONG_STATE);

        run.startStep(1, "bob", T.plusSeconds(100));
        refused(() -> run.startStep(1, "bob", T), RunRule.STEP_WRONG_STATE);
        refused(() -> run.startStep(2, "bob", T), RunRule.STEP_OUT_OF_ORDER);
        run.completeStep(1, "bob", T.plusSeconds(160), "fine", "Command(s) completed successfully.");

        RunStep first = run.step(1);
        assertThat(first.getState()).isEqualTo(StepState.DONE);
        assertThat(first.view(T).note()).isEqualTo("fine");
        assertThat(first.view(T).output()).isEqualTo("Command(s) completed successfully.");
        assertThat(Stamp.atOf(first.getEnded())).isEqualTo(T.plusSeconds(160));
        refused(() -> run.completeStep(1, "bob", T, null, null), RunRule.STEP_WRONG_STATE);
        run.startStep(2, "bob", T);
        assertThat(run.step(2).getState()).isEqualTo(StepState.IN_PROGRESS);
    }

    @Test
    void aFailedStepNeedsAReasonAndCanBeRetried() {
        Run run = running();
        run.startStep(1, "bob", T);
        refused(() -> run.failStep(1, "bob", T, ""), RunRule.REASON_REQUIRED);
        run.failStep(1, "bob", T, "login failed");
        assertThat(run.step(1).getState()).isEqualTo(StepState.FAILED);
        assertThat(run.step(1).view(T).failureReason()).isEqualTo("login failed");
        refused(() -> run.startStep(2, "bob", T), RunRule.STEP_OUT_OF_ORDER);
        refused(() -> run.retryStep(2, "bob", T), RunRule.STEP_OUT_OF_ORDER);

        run.retryStep(1, "bob", T);
        assertThat(run.step(1).getState()).isEqualTo(StepState.IN_PROGRESS);
        assertThat(run.step(1).view(T).attempts()).isEqualTo(2);
        refused(() -> run.retryStep(1, "bob", T), RunRule.STEP_WRONG_STATE);
    }

    @Test
    void skippingAStepNeedsARequestWithAReasonThenAnApproval() {
        Run run = running();
        refused(() -> run.approveSkip(1, "carol", T), RunRule.SKIP_NOT_REQUESTED);
        refused(() -> run.requestSkip(1, "bob", T, null), RunRule.REASON_REQUIRED);
        run.requestSkip(1, "bob", T, "already done by hand");
        refused(() -> run.requestSkip(1, "bob", T, "again"), RunRule.SKIP_ALREADY_REQUESTED);

        run.approveSkip(1, "carol", T);
        assertThat(run.step(1).getState()).isEqualTo(StepState.SKIPPED);
        assertThat(run.step(1).view(T).skipApprovedBy()).isEqualTo("carol");
        run.startStep(2, "bob", T);
        refused(() -> run.requestSkip(2, "bob", T, "in progress"), RunRule.STEP_WRONG_STATE);
    }

    @Test
    void aFailedStepMayBeSkippedWithApproval() {
        Run run = running();
        run.startStep(1, "bob", T);
        run.failStep(1, "bob", T, "not needed here");
        run.requestSkip(1, "bob", T, "not needed here");
        run.approveSkip(1, "carol", T);
        assertThat(run.step(1).getState()).isEqualTo(StepState.SKIPPED);
    }

    @Test
    void theRunCompletesWhenItsLastStepIsDoneAndIsThenReadOnly() {
        Run run = running();
        for (int number = 1; number <= 3; number++) {
            run.startStep(number, "bob", T);
            run.completeStep(number, "bob", T.plusSeconds(number), null, null);
        }
        assertThat(run.getState()).isEqualTo(RunState.COMPLETED);
        assertThat(Stamp.atOf(run.getEnded())).isEqualTo(T.plusSeconds(3));

        refused(() -> run.startStep(1, "bob", T), RunRule.FINISHED);
        refused(() -> run.abort("bob", T, "oops"), RunRule.FINISHED);
        refused(() -> run.fail("bob", T, "oops"), RunRule.FINISHED);
        refused(() -> run.reject("carol", T, "no"), RunRule.FINISHED);
    }

    @Test
    void theRunCompletesWhenItsLastStepIsSkipped() {
        Run run = running();
        for (int number = 1; number <= 2; number++) {
            run.startStep(number, "bob", T);
            run.completeStep(number, "bob", T, null, null);
        }
        run.requestSkip(3, "bob", T, "done by the network team");
        run.approveSkip(3, "carol", T);
        assertThat(run.getState()).isEqualTo(RunState.COMPLETED);
    }

    @Test
    void aRunIsAbortedWithAReasonBeforeOrDuringExecutionAndThenReadOnly() {
        Run before = requested();
        refused(() -> before.abort("bob", T, null), RunRule.REASON_REQUIRED);
        before.abort("bob", T, "window closed");
        assertThat(before.getState()).isEqualTo(RunState.ABORTED);

        Run during = running();
        during.startStep(1, "bob", T);
        during.abort("bob", T, "primary came back");
        assertThat(during.getState()).isEqualTo(RunState.ABORTED);
        assertThat(during.getEndReason()).isEqualTo("primary came back");
        refused(() -> during.completeStep(1, "bob", T, null, null), RunRule.FINISHED);
        refused(() -> during.start("bob", T), RunRule.FINISHED);
    }

    @Test
    void onlyARunningRunFailsAndAFailedRunIsReadOnly() {
        refused(() -> requested().fail("bob", T, "x"), RunRule.WRONG_STATE);
        Run run = running();
        run.fail("bob", T, "backup database unreachable");
        assertThat(run.getState()).isEqualTo(RunState.FAILED);
        refused(() -> run.retryStep(1, "bob", T), RunRule.FINISHED);
    }

    @Test
    void stepsOfARunNotStartedCannotMoveAndUnknownStepsAreNamed() {
        refused(() -> requested().startStep(1, "bob", T), RunRule.WRONG_STATE);
        refused(() -> running().startStep(9, "bob", T), RunRule.STEP_UNKNOWN);
    }

    @Test
    void everyRuleHasAMessageInBothLanguages() {
        // Four eyes and one decision per person are the approval module's words.
        Properties english = Translations.bundle("i18n/run.properties");
        english.putAll(Translations.bundle("i18n/approval.properties"));
        Properties french = Translations.bundle("i18n/run_fr.properties");
        french.putAll(Translations.bundle("i18n/approval_fr.properties"));
        for (RunRule rule : RunRule.values()) {
            assertThat(english).containsKey("error." + rule.code());
            assertThat(french).containsKey("error." + rule.code());
        }
    }

    @Test
    void thePoolKeyIgnoresTheCaseOfTheFqdn() {
        assertThat(Run.poolKey(4, "PChat.Contoso.Local")).isEqualTo(Run.poolKey(4, "pchat.contoso.local"));
        assertThat(Run.poolKey(4, "pchat.contoso.local")).isNotEqualTo(Run.poolKey(5, "pchat.contoso.local"));
    }

    @Test
    void onlyARequestedDisasterRunStartsInAnEmergencyAndOwesItsRatification() {
        refused(
                () -> failover(RunKind.DRILL, false).emergencyStart("bob", T, "site down", T.plusSeconds(3600)),
                RunRule.EMERGENCY_NOT_DISASTER);
        Run approved = failover(RunKind.DISASTER, false);
        approved.approve("carol", T);
        refused(() -> approved.emergencyStart("bob", T, "site down", T.plusSeconds(3600)), RunRule.WRONG_STATE);
        refused(() -> failover(RunKind.DISASTER, false).emergencyStart("bob", T, " ", T), RunRule.REASON_REQUIRED);

        Run run = failover(RunKind.DISASTER, false);
        run.emergencyStart("bob", T, "site down", T.plusSeconds(3600));

        assertThat(run.getState()).isEqualTo(RunState.IN_PROGRESS);
        assertThat(Stamp.byOf(run.getStarted())).isEqualTo("bob");
        assertThat(run.emergency(T).reason()).isEqualTo("site down");
        assertThat(run.isRatificationOwed()).isTrue();
        assertThat(run.isRatificationOverdue(T.plusSeconds(3600))).isFalse();
        assertThat(run.isRatificationOverdue(T.plusSeconds(3601))).isTrue();
        refused(() -> run.emergencyStart("bob", T, "again", T), RunRule.WRONG_STATE);
    }

    @Test
    void aRatificationIsOwedOnceAndHoldsEvenAfterTheRunEnded() {
        Run run = failover(RunKind.DISASTER, false);
        run.emergencyStart("bob", T, "site down", T.plusSeconds(3600));
        run.abort("bob", T.plusSeconds(60), "primary came back");

        assertThat(run.refusal(RunAction.RATIFY, 0)).isEmpty();
        run.ratified("carol", T.plusSeconds(120));

        assertThat(run.isRatificationOwed()).isFalse();
        assertThat(run.emergency(T).ratifiedAt()).isEqualTo(T.plusSeconds(120));
        refused(() -> run.ratified("dave", T), RunRule.RATIFICATION_NOT_OWED);
        refused(() -> running().ratified("dave", T), RunRule.RATIFICATION_NOT_OWED);
    }

    @Test
    void anOverdueRatificationIsMarkedForTheAuditTrailOnce() {
        Run run = failover(RunKind.DISASTER, false);
        run.emergencyStart("bob", T, "site down", T.plusSeconds(3600));

        assertThat(run.markOverdueRecorded(T.plusSeconds(3600))).isFalse();
        assertThat(run.markOverdueRecorded(T.plusSeconds(3601))).isTrue();
        assertThat(run.markOverdueRecorded(T.plusSeconds(3602))).isFalse();
    }

    @Test
    void theRecoveryStepWaitsUntilAnApproverAcceptsTheRecordedDataLoss() {
        Run run = failover(RunKind.DRILL, false);
        run.approve("carol", T);
        run.start("bob", T);
        run.startStep(1, "bob", T);
        run.completeStep(1, "bob", T, null, null);
        assertThat(run.hasDataLossGate()).isTrue();
        refused(() -> run.startStep(2, "bob", T), RunRule.DATA_LOSS_GATE);
        refused(() -> run.acceptDataLoss("carol", T, "fine"), RunRule.DATA_LOSS_NOT_RECORDED);

        Instant lastLog = T.minusSeconds(600);
        Instant lost = T.minusSeconds(60);
        run.recordDataLoss("mgc_20260105075000.trn", lastLog, lost, "bob", T);
        assertThat(run.dataLoss().windowSeconds()).isEqualTo(540);
        refused(() -> run.startStep(2, "bob", T), RunRule.DATA_LOSS_GATE);
        refused(() -> run.acceptDataLoss("carol", T, " "), RunRule.REASON_REQUIRED);

        run.acceptDataLoss("carol", T, "nine minutes of chat, within what we agreed");
        refused(() -> run.acceptDataLoss("dave", T, "me too"), RunRule.DATA_LOSS_ALREADY_ACCEPTED);
        run.startStep(2, "bob", T);

        refused(() -> run.recordDataLoss("later.trn", lastLog, lost, "bob", T), RunRule.DATA_LOSS_GATE_PASSED);
        assertThat(run.dataLoss().acceptedBy()).isEqualTo("carol");
    }

    @Test
    void aPrincipalLostRunCannotForceServiceBeforeTheRecordedLossIsAccepted() {
        Procedure procedure = Procedures.generate(
                Contoso.topology(),
                new Procedure.TopologyRef("Contoso", 3, "ab".repeat(32)),
                "pchat.contoso.local",
                "mirroring-failover",
                "principal-lost",
                Locale.ENGLISH,
                T);
        int force = procedure.steps().stream()
                .filter(step -> step.script() != null && step.script().contains("-NewPrincipal Mirror -Force"))
                .mapToInt(Procedure.Step::number)
                .findFirst()
                .orElseThrow();
        Run run = run(
                RunKind.DISASTER,
                false,
                procedure.steps().stream()
                        .map(step -> new Run.FrozenStep(step.number(), step.ruleId(), step.title()))
                        .toArray(Run.FrozenStep[]::new));
        assertThat(run.getDataLossGateStep()).isEqualTo(force);
        run.approve("carol", T);
        run.start("bob", T);
        for (int number = 1; number < force; number++) {
            run.startStep(number, "bob", T);
            run.completeStep(number, "bob", T, null, null);
        }
        refused(() -> run.startStep(force, "bob", T), RunRule.DATA_LOSS_GATE);
        run.recordDataLoss(
                "mirroring_failover_lsn 41000000012300001", T.minusSeconds(300), T.minusSeconds(120), "bob", T);
        refused(() -> run.startStep(force, "bob", T), RunRule.DATA_LOSS_GATE);

        run.acceptDataLoss("carol", T, "at most three minutes of chat");
        run.startStep(force, "bob", T);
        assertThat(run.getSteps().get(force - 1).getState()).isEqualTo(StepState.IN_PROGRESS);
    }

    @Test
    void recordingTheDataLossAgainTakesBackTheAcceptanceOfTheOldFigures() {
        Run run = failover(RunKind.DISASTER, false);
        run.emergencyStart("bob", T, "site down", T.plusSeconds(3600));
        run.recordDataLoss("a.trn", T.minusSeconds(600), T.minusSeconds(60), "bob", T);
        run.acceptDataLoss("carol", T, "accepted");

        run.recordDataLoss("b.trn", T.minusSeconds(300), T.minusSeconds(60), "bob", T.plusSeconds(5));

        assertThat(run.dataLoss().lastLogBackup()).isEqualTo("b.trn");
        assertThat(run.dataLoss().acceptedAt()).isNull();
        run.startStep(1, "bob", T);
        run.completeStep(1, "bob", T, null, null);
        refused(() -> run.startStep(2, "bob", T), RunRule.DATA_LOSS_GATE);
    }

    @Test
    void theDataLossFiguresMustBeCompleteInOrderAndNotInTheFuture() {
        Run run = failover(RunKind.DISASTER, false);
        run.emergencyStart("bob", T, "site down", T.plusSeconds(3600));

        refused(() -> run.recordDataLoss(null, T, T, "bob", T), RunRule.DATA_LOSS_INCOMPLETE);
        refused(() -> run.recordDataLoss("a.trn", null, T, "bob", T), RunRule.DATA_LOSS_INCOMPLETE);
        refused(() -> run.recordDataLoss("a.trn", T, T.minusSeconds(1), "bob", T), RunRule.DATA_LOSS_ORDER);
        refused(() -> run.recordDataLoss("a.trn", T, T.plusSeconds(1), "bob", T), RunRule.DATA_LOSS_FUTURE);
        refused(() -> failover(RunKind.DISASTER, false).recordDataLoss("a.trn", T, T, "bob", T), RunRule.WRONG_STATE);
        refused(
                () -> {
                    Run other = running();
                    other.recordDataLoss("a.trn", T, T, "bob", T);
                },
                RunRule.DATA_LOSS_NO_GATE);
    }

    @Test
    void aDrillWhosePolicyWaivesTheGateRecoversWithoutItButOtherKindsNeverWaive() {
        Run drill = failover(RunKind.DRILL, true);
        drill.approve("carol", T);
        drill.start("bob", T);
        drill.startStep(1, "bob", T);
        drill.completeStep(1, "bob", T, null, null);
        drill.startStep(2, "bob", T);
        assertThat(drill.hasDataLossGate()).isFalse();
        assertThat(drill.dataLoss().waived()).isTrue();

        Run noGateStep = run(RunKind.DRILL, true, new Run.FrozenStep(1, "B-1", "one"));
        assertThat(noGateStep.getDataLossGateStep()).isNull();
        assertThat(noGateStep.dataLoss()).isNull();
    }

    @Test
    void aDecisionThatChangesNoStateStillMovesTheRun() {
        Run run = requested();
        run.decided("carol", T.plusSeconds(9));
        assertThat(run.getState()).isEqualTo(RunState.REQUESTED);
        assertThat(run.getChanged().by()).isEqualTo("carol");
        assertThat(run.getChanged().at()).isEqualTo(T.plusSeconds(9));
    }

    private static void refused(Executable transition, RunRule rule) {
        assertThatThrownBy(transition::execute)
                .isInstanceOfSatisfying(
                        RunRuleException.class, e -> assertThat(e.rule()).isEqualTo(rule));
    }
}
