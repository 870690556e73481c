package org.pchatdr.portal.run;

import java.time.Instant;
import java.util.List;
import org.pchatdr.portal.approval.Approval;
import org.pchatdr.portal.base.Role;

/**
 * A run as its readers see it: its state and {@code version} (which every change must quote), the
 * frozen procedure's origin, the steps with who did what when, the approvals and the RTO clock.
 * {@code actions} are what the reader may do now, named as {@link RunAction#name(int)} names them
 * (the REST paths: {@code approve}, {@code steps/3/complete}…); anything else is refused with its rule.
 */
public record RunView(
        long id,
        long version,
        RunKind kind,
        RunState state,
        long topologyId,
        String topologyName,
        int topologyVersion,
        String pool,
        String procedure,
        String variant,
        String procedureSha256,
        String reason,
        String requestedBy,
        Instant requestedAt,
        Instant incidentAt,
        String startedBy,
        Instant startedAt,
        String endedBy,
        Instant endedAt,
        String endReason,
        String changedBy,
        Instant changedAt,
        List<Step> steps,
        Approvals approvals,
        Timings timings,
        Emergency emergency,
        DataLoss dataLoss,
        List<String> actions,
        List<Waiting> waiting) {

    public RunView {
        steps = List.copyOf(steps);
        actions = List.copyOf(actions);
        waiting = List.copyOf(waiting);
    }

    /**
     * What the run waits for now, for everyone alike (the run page's header, issue 12), as {@code
     * RunRulebook.waitingFor} answers: the {@code need}, the {@code step} concerned, the approvals
     * still missing ({@code count}), the person expected ({@code lead}, or {@code null}) and the
     * people the rules refuse it to; anyone else with {@code role} may act. Empty once nothing is
     * left to do.
     */
    public record Waiting(Need need, Role role, int step, int count, String lead, List<String> except) {

        public Waiting {
            except = List.copyOf(except);
        }

        public enum Need {
            APPROVAL,
            START,
            RATIFICATION,
            DATA_LOSS_FIGURES,
            DATA_LOSS_ACCEPTANCE,
            SKIP_DECISION,
            STEP,
            STEP_IN_PROGRESS,
            STEP_FAILED
        }
    }

    /** The same run with the step titles of {@code titles} (by number), for a reader of another language. */
    RunView withStepTitles(java.util.Map<Integer, String> titles) {
        List<Step> relabelled = steps.stream()
                .map(step -> new Step(
                        step.number(),
                        step.ruleId(),
                        titles.getOrDefault(step.number(), step.title()),
                        step.state(),
                        step.attempts(),
                        step.startedBy(),
                        step.startedAt(),
                        step.endedBy(),
                        step.endedAt(),
                        step.durationSeconds(),
                        step.note(),
                        step.output(),
                        step.failureReason(),
                        step.skipRequestedBy(),
                        step.skipRequestedAt(),
                        step.skipReason(),
                        step.skipApprovedBy()))
                .toList();
        return new RunView(
                id,
                version,
                kind,
                state,
                topologyId,
                topologyName,
                topologyVersion,
                pool,
                procedure,
                variant,
                procedureSha256,
                reason,
                requestedBy,
                requestedAt,
                incidentAt,
                startedBy,
                startedAt,
                endedBy,
                endedAt,
                endReason,
                changedBy,
                changedAt,
                relabelled,
                approvals,
                timings,
                emergency,
                dataLoss,
                actions,
                waiting);
    }

    /** One frozen step; {@code durationSeconds} from its first start to its end (or now). */
    public record Step(
            int number,
            String ruleId,
            String title,
            StepState state,
            int attempts,
            String startedBy,
            Instant startedAt,
            String endedBy,
            Instant endedAt,
            Long durationSeconds,
            String note,
            String output,
            String failureReason,
            String skipRequestedBy,
            Instant skipRequestedAt,
            String skipReason,
            String skipApprovedBy) {}

    /** The decisions on the run and what they add up to under the policy of its kind. */
    public record Approvals(
            int required,
            int valid,
            boolean executorMayApprove,
            boolean rejected,
            boolean satisfied,
            List<Approval> decisions) {

        public Approvals {
            decisions = List.copyOf(decisions);
        }
    }

    /**
     * An emergency start of a {@code DISASTER} run: who declared it, why, and its ratification,
     * owed until {@code ratifiedAt} and overdue after {@code ratifyBy}. {@code null} for other runs.
     */
    public record Emergency(
            String declaredBy,
            Instant declaredAt,
            String reason,
            Instant ratifyBy,
            Instant ratifiedAt,
            boolean owed,
            boolean overdue) {}

    /**
     * The data-loss gate before step {@code gateStep}, which gives data up for good (F-4 recovers the backup database, C-8 forces service on a mirror):
     * what the operator recorded, the window from the last log backup restored to the loss of the
     * primary against the RPO target, and the approver's written acceptance. {@code waived} for a
     * drill whose policy skips the gate. {@code null} for runs without such a step.
     */
    public record DataLoss(
            int gateStep,
            boolean waived,
            Integer rpoTargetMinutes,
            String lastLogBackup,
            Instant lastLogBackupAt,
            Instant primaryLostAt,
            Long windowSeconds,
            Boolean withinRpo,
            String recordedBy,
            Instant recordedAt,
            String acceptedBy,
            Instant acceptedAt,
            String acceptance) {

        /** The recovery step may start. */
        public boolean passable() {
            return waived || acceptedAt != null;
        }
    }

    /**
     * The RTO clock: from the declared incident (or else the start) to the end (or now), against the
     * pool's RTO target of the frozen topology version. {@code from} is {@code null} before the start
     * of a run without a declared incident. {@code running} in every state that is not final: a run
     * waiting for approval after an incident loses minutes that count.
     */
    public record Timings(
            Instant from,
            Instant until,
            Long elapsedSeconds,
            Integer rtoTargetMinutes,
            Boolean withinRto,
            boolean running) {}
}
