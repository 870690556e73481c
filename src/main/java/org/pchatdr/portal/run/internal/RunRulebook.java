package org.pchatdr.portal.run.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pchatdr.portal.approval.Approval;
import org.pchatdr.portal.approval.SubjectApprovals;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.base.Stamp;
import org.pchatdr.portal.run.RunAction;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunState;
import org.pchatdr.portal.run.RunView.Waiting;
import org.pchatdr.portal.run.RunView.Waiting.Need;
import org.pchatdr.portal.run.StepState;

/**
 * Who may do what on a run, now: the one place that decides (decision 013). Given the run, the
 * actor and their roles, the run's approvals and {@code now}, it answers every action of the run,
 * allowed or refused with the rule that refuses it. The service asks it before every transition,
 * the inbox filters on it and the run page shows exactly the buttons it allows. Pure: it reads,
 * never changes, and needs neither Spring nor a database.
 *
 * <p>Each answer takes these checks in order: the role the action takes, the run's state machine
 * ({@link Run#refusal}), whether the run has an approval round of its own (not when a change request
 * stands behind it), then the people: four eyes and the executor rule.
 */
public final class RunRulebook {

    private RunRulebook() {}

    /** Who would act: their username and every role they hold. */
    public record Actor(String name, Set<Role> roles) {

        public Actor {
            roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        }

        public boolean holds(Role role) {
            return roles.contains(role);
        }
    }

    /** Every action of the run: the names allowed, in order, and each refused one with its rule. */
    public record Answer(List<String> allowed, Map<String, Refusal> refused) {

        public Answer {
            allowed = List.copyOf(allowed);
            refused = Collections.unmodifiableMap(new LinkedHashMap<>(refused));
        }

        public boolean allows(String action) {
            return allowed.contains(action);
        }
    }

    /** Every action on {@code run} and every step of it, for {@code actor} at {@code now}. */
    public static Answer judge(Run run, Actor actor, SubjectApprovals approvals, Instant now) {
        List<String> allowed = new ArrayList<>();
        Map<String, Refusal> refused = new LinkedHashMap<>();
        for (RunAction action : RunAction.values()) {
            if (action.onStep()) {
                for (var step : run.getSteps()) {
                    answer(run, actor, approvals, now, action, step.getNumber(), allowed, refused);
                }
            } else {
                answer(run, actor, approvals, now, action, 0, allowed, refused);
            }
        }
        return new Answer(allowed, refused);
    }

    private static void answer(
            Run run,
            Actor actor,
            SubjectApprovals approvals,
            Instant now,
            RunAction action,
            int step,
            List<String> allowed,
            Map<String, Refusal> refused) {
        String name = action.name(step);
        check(run, actor, approvals, now, action, step)
                .ifPresentOrElse(refusal -> refused.put(name, refusal), () -> allowed.add(name));
    }

    /**
     * Why {@code actor} may not take {@code action} (on step {@code step}, for a step's action) now;
     * empty when they may.
     */
    public static Optional<Refusal> check(
            Run run, Actor actor, SubjectApprovals approvals, Instant now, RunAction action, int step) {
        if (!actor.holds(action.role())) {
            return Optional.of(Refusal.of(
                    RunRule.ROLE_REQUIRED, actor.name(), action.role().name()));
        }
        Optional<Refusal> state = run.refusal(action, step);
        if (state.isPresent()) {
            return state;
        }
        Optional<Refusal> sponsored = sponsored(run, action);
        if (sponsored.isPresent()) {
            return sponsored;
        }
        return Optional.ofNullable(people(run, actor.name(), approvals, now, action, step));
    }

    /**
     * A run a change request stands behind has no approval round of its own (issue 13): the
     * change's approvals are the run's, so nobody approves, rejects or withdraws on the run itself.
     */
    private static Optional<Refusal> sponsored(Run run, RunAction action) {
        boolean ownRound = action == RunAction.APPROVE || action == RunAction.REJECT || action == RunAction.WITHDRAW;
        return ownRound && run.getSponsoredBy() != null
                ? Optional.of(Refusal.of(RunRule.SPONSORED, run.getId(), run.getSponsoredBy()))
                : Optional.empty();
    }

    /** Four eyes and the executor rule, once the role and the state machine allow the action. */
    private static Refusal people(
            Run run, String me, SubjectApprovals approvals, Instant now, RunAction action, int step) {
        return switch (action) {
            // One person counts once; the requester never decides on their own run.
            case APPROVE, REJECT -> {
                if (me.equals(run.getRequested().by())) {
                    yield Refusal.of(RunRule.FOUR_EYES, me);
                }
                yield standingDecision(me, approvals, now);
            }
            case WITHDRAW -> withdrawable(me, approvals, now) ? null : Refusal.of(RunRule.NOTHING_TO_WITHDRAW, me);
            case START -> {
                Refusal executor = executor(run, me, approvals, now);
                if (executor != null) {
                    yield executor;
                }
                var status = approvals.statusFor(me, now);
                yield status.satisfied() ? null : Refusal.of(RunRule.APPROVAL_LAPSED, run.getId(), status.required());
            }
            // Whoever carries the run out: never one of its approvers, unless the policy allows it.
            case EMERGENCY_START,
                    RECORD_DATA_LOSS,
                    FAIL,
                    START_STEP,
                    COMPLETE_STEP,
                    FAIL_STEP,
                    RETRY_STEP,
                    REQUEST_SKIP -> executor(run, me, approvals, now);
            case RATIFY -> {
                if (me.equals(run.getRequested().by()) || me.equals(Stamp.byOf(run.getEmergencyDeclared()))) {
                    yield Refusal.of(RunRule.RATIFY_FOUR_EYES, run.getId(), me);
                }
                yield standingDecision(me, approvals, now);
            }
            case ACCEPT_DATA_LOSS ->
                me.equals(Stamp.byOf(run.getDataLossRecorded()))
                                || me.equals(run.getRequested().by())
                        ? Refusal.of(RunRule.DATA_LOSS_FOUR_EYES, me)
                        : null;
            case APPROVE_SKIP -> {
                if (me.equals(Stamp.byOf(run.step(step).getSkipRequested()))) {
                    yield Refusal.of(RunRule.SKIP_FOUR_EYES, step, me);
                }
                yield me.equals(run.getRequested().by()) ? Refusal.of(RunRule.FOUR_EYES, me) : null;
            }
            // Stopping a run executes nothing: anyone on the floor with the role may (decision 013).
            case ABORT -> null;
        };
    }

    /**
     * Whether a request of kind {@code requested} may abort {@code holder}, the run holding its pool,
     * to take the pool (issue 12): only a {@code DISASTER} request, and only a drill that has not
     * started; stopping a drill under way is a person's decision on the run page. Who may abort is
     * {@link RunAction#ABORT}'s answer, which the abort itself asks.
     */
    public static Optional<Refusal> makeWay(Run holder, RunKind requested) {
        boolean pending = holder.getState() == RunState.REQUESTED || holder.getState() == RunState.APPROVED;
        return requested == RunKind.DISASTER && holder.getKind() == RunKind.DRILL && pending
                ? Optional.empty()
                : Optional.of(Refusal.of(RunRule.NOT_A_PENDING_DRILL, holder.getId()));
    }

    /**
     * What the run waits for now and who may give it (issue 12: the run page's header says it). The
     * people refused are found by asking this rulebook's own people rules about everyone the run
     * names: anyone it does not name is refused by none of them, only by role or state.
     */
    public static List<Waiting> waitingFor(Run run, SubjectApprovals approvals, Instant now) {
        List<Waiting> waiting = new ArrayList<>();
        switch (run.getState()) {
            case REQUESTED -> {
                var status = approvals.statusFor(null, now);
                waiting.add(waiting(
                        run,
                        approvals,
                        now,
                        Need.APPROVAL,
                        RunAction.APPROVE,
                        0,
                        Math.max(1, status.required() - status.valid().size()),
                        null));
            }
            case APPROVED -> waiting.add(waiting(run, approvals, now, Need.START, RunAction.START, 0, 0, null));
            case IN_PROGRESS ->
                run.getSteps().stream()
                        .filter(step -> !step.getState().isFinished())
                        .findFirst()
                        .ifPresent(step -> waiting.add(stepWaiting(run, approvals, now, step)));
            default -> {}
        }
        if (run.isRatificationOwed()) {
            waiting.add(waiting(run, approvals, now, Need.RATIFICATION, RunAction.RATIFY, 0, 0, null));
        }
        return waiting;
    }

    private static Waiting stepWaiting(Run run, SubjectApprovals approvals, Instant now, RunStep step) {
        int number = step.getNumber();
        if (step.getState() == StepState.NOT_STARTED && run.isClosedGate(number)) {
            return run.getDataLossRecorded() == null
                    ? waiting(
                            run,
                            approvals,
                            now,
                            Need.DATA_LOSS_FIGURES,
                            RunAction.RECORD_DATA_LOSS,
                            number,
                            0,
                            lead(run, approvals, now, RunAction.RECORD_DATA_LOSS, 0))
                    : waiting(
                            run,
                            approvals,
                            now,
                            Need.DATA_LOSS_ACCEPTANCE,
                            RunAction.ACCEPT_DATA_LOSS,
                            number,
                            0,
                            null);
        }
        if (step.isSkipRequested()) {
            return waiting(run, approvals, now, Need.SKIP_DECISION, RunAction.APPROVE_SKIP, number, 0, null);
        }
        return switch (step.getState()) {
            case IN_PROGRESS ->
                waiting(
                        run,
                        approvals,
                        now,
                        Need.STEP_IN_PROGRESS,
                        RunAction.COMPLETE_STEP,
                        number,
                        0,
                        Stamp.byOf(step.getStarted()));
            case FAILED ->
                waiting(
                        run,
                        approvals,
                        now,
                        Need.STEP_FAILED,
                        RunAction.RETRY_STEP,
                        number,
                        0,
                        lead(run, approvals, now, RunAction.RETRY_STEP, number));
            default ->
                waiting(
                        run,
                        approvals,
                        now,
                        Need.STEP,
                        RunAction.START_STEP,
                        number,
                        0,
                        lead(run, approvals, now, RunAction.START_STEP, number));
        };
    }

    private static Waiting waiting(
            Run run,
            SubjectApprovals approvals,
            Instant now,
            Need need,
            RunAction action,
            int step,
            int count,
            String lead) {
        List<String> except = named(run, approvals).stream()
                .filter(name -> people(run, name, approvals, now, action, step) != null)
                .toList();
        return new Waiting(need, action.role(), step, count, lead, except);
    }

    /**
     * The operator carrying the run out: who acted last on a step, else who started the run, when the
     * rules still let them take {@code action}.
     */
    private static String lead(Run run, SubjectApprovals approvals, Instant now, RunAction action, int step) {
        String last = Stamp.byOf(run.getStarted());
        Instant lastAt = Stamp.atOf(run.getStarted());
        for (RunStep done : run.getSteps()) {
            if (done.getEnded() != null
                    && (lastAt == null || done.getEnded().at().isAfter(lastAt))
                    && done.getState() != StepState.SKIPPED) {
                last = done.getEnded().by();
                lastAt = done.getEnded().at();
            }
        }
        return last == null || people(run, last, approvals, now, action, step) != null ? null : last;
    }

    /** Everyone the run names: the only people its people rules can refuse. */
    private static List<String> named(Run run, SubjectApprovals approvals) {
        Set<String> names = new LinkedHashSet<>();
        names.add(run.getRequested().by());
        names.add(Stamp.byOf(run.getStarted()));
        names.add(Stamp.byOf(run.getEmergencyDeclared()));
        names.add(Stamp.byOf(run.getDataLossRecorded()));
        for (RunStep step : run.getSteps()) {
            names.add(Stamp.byOf(step.getStarted()));
            names.add(Stamp.byOf(step.getEnded()));
            names.add(Stamp.byOf(step.getSkipRequested()));
        }
        approvals.decisions().forEach(decision -> names.add(decision.approver()));
        names.remove(null);
        return List.copyOf(names);
    }

    /**
     * The executor rule (decision 013): unless the policy lets the executor approve, nobody carries
     * out a run they approved. An approval binds its approver while it is in force at the moment that
     * matters: now before the start, the start once the run went ahead on it; an approval given after
     * the start (a ratification) binds too. A withdrawn approval, or one that expired before the run
     * started on others' approvals, binds nobody.
     */
    private static Refusal executor(Run run, String me, SubjectApprovals approvals, Instant now) {
        if (approvals.policy().executorMayApprove()) {
            return null;
        }
        Instant at = run.getStarted() != null ? run.getStarted().at() : now;
        boolean approvedIt = approvals.decisions().stream()
                .anyMatch(decision -> decision.approver().equals(me)
                        && decision.decision() == Approval.Decision.APPROVED
                        && !decision.isWithdrawn()
                        && decision.expiresAt().isAfter(at));
        return approvedIt ? Refusal.of(RunRule.EXECUTOR_IS_APPROVER, me, run.getId()) : null;
    }

    /** {@code me} already has a decision that counts or stands: they withdraw it before deciding again. */
    private static Refusal standingDecision(String me, SubjectApprovals approvals, Instant now) {
        return approvals.decisions().stream()
                .filter(decision ->
                        decision.approver().equals(me) && (decision.countsAt(now) || decision.isStandingRejection()))
                .findFirst()
                .map(decision -> Refusal.of(
                        RunRule.ALREADY_DECIDED, me, decision.decidedAt().toString()))
                .orElse(null);
    }

    /** {@code me} has a decision in force that the run has not gone ahead on. */
    public static boolean withdrawable(String me, SubjectApprovals approvals, Instant now) {
        return approvals.decisions().stream().anyMatch(decision -> isWithdrawable(decision, me, now));
    }

    /** Whether {@code decision} is {@code me}'s, in force, and not sealed by the run going ahead on it. */
    public static boolean isWithdrawable(Approval decision, String me, Instant now) {
        return decision.approver().equals(me)
                && decision.withdrawable()
                && (decision.countsAt(now) || decision.isStandingRejection());
    }
}
