package org.pchatdr.portal.change.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pchatdr.portal.approval.Approval;
import org.pchatdr.portal.approval.SubjectApprovals;
import org.pchatdr.portal.base.PortalTime;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.base.Stamp;
import org.pchatdr.portal.change.ChangeAction;
import org.pchatdr.portal.change.ChangeState;
import org.pchatdr.portal.change.ChangeType;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Who may do what on a change request, now: the one place that decides, on the pattern of the
 * runs' rulebook (decision 013) but with the rules of change control (issue 13). Pure: given the
 * request, the actor, the approvals of the current round and the facts of the moment (window,
 * freezes, conflicts), it answers every action, allowed or refused with the rule that refuses it.
 * The service asks it before every transition and every answer carries the allowed actions.
 *
 * <p>Each answer takes, in order: the role the action takes, the request's state machine ({@link
 * ChangeRequest#refusal}), then the people (C-1 … C-4, C-9), then time and place (C-5 … C-8).
 */
public final class ChangeRulebook {

    private ChangeRulebook() {}

    /** Who would act: their username and every role they hold. */
    public record Actor(String name, Set<Role> roles) {

        public Actor {
            roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        }

        boolean holds(Role role) {
            return roles.contains(role);
        }
    }

    /**
     * What else the rules weigh: who wrote a revision, who approved any round (for the review),
     * the approved window and the end of its last extension ({@code null}: none), freezes in force
     * on the request's pools now and those overlapping its window, and what conflicts with it.
     */
    public record Facts(
            Set<String> authors,
            Set<String> approvedAnyRound,
            Instant windowStart,
            Instant windowEnd,
            Instant extendedTo,
            List<String> freezesNow,
            List<String> freezesInWindow,
            List<String> conflicts) {

        public Facts {
            authors = Set.copyOf(authors);
            approvedAnyRound = Set.copyOf(approvedAnyRound);
            freezesNow = List.copyOf(freezesNow);
            freezesInWindow = List.copyOf(freezesInWindow);
            conflicts = List.copyOf(conflicts);
        }

        /** When implementation must stop starting steps: the window's end or its last extension's. */
        public Instant effectiveEnd() {
            return extendedTo != null && extendedTo.isAfter(windowEnd) ? extendedTo : windowEnd;
        }
    }

    /** Why an action is refused: the rule and the facts its translated message quotes. */
    public record Refusal(ChangeRule rule, List<Object> arguments) {

        public Refusal {
            arguments = Collections.unmodifiableList(new ArrayList<>(arguments));
        }

        static Refusal of(ChangeRule rule, Object... arguments) {
            return new Refusal(rule, java.util.Arrays.asList(arguments));
        }
    }

    /** Every action: the names allowed, in order, and each refused one with its rule. */
    public record Answer(List<String> allowed, Map<String, Refusal> refused) {

        public Answer {
            allowed = List.copyOf(allowed);
            refused = Collections.unmodifiableMap(new LinkedHashMap<>(refused));
        }
    }

    public static Answer judge(ChangeRequest change, Actor actor, SubjectApprovals round, Facts facts, Instant now) {
        List<String> allowed = new ArrayList<>();
        Map<String, Refusal> refused = new LinkedHashMap<>();
        for (ChangeAction action : ChangeAction.values()) {
            check(change, actor, round, facts, now, action)
                    .ifPresentOrElse(refusal -> refused.put(action.path(), refusal), () -> allowed.add(action.path()));
        }
        return new Answer(allowed, refused);
    }

    /** Why {@code actor} may not take {@code action} now; empty when they may. */
    public static Optional<Refusal> check(
            ChangeRequest change, Actor actor, SubjectApprovals round, Facts facts, Instant now, ChangeAction action) {
        if (!actor.holds(action.role())) {
            return Optional.of(Refusal.of(
                    ChangeRule.ROLE_REQUIRED, actor.name(), action.role().name()));
        }
        Optional<ChangeRule> state = change.refusal(action);
        if (state.isPresent()) {
            return Optional.of(Refusal.of(state.get(), change.getId(), state(change.getState())));
        }
        return Optional.ofNullable(people(change, actor.name(), round, facts, now, action));
    }

    private static Refusal people(
            ChangeRequest change, String me, SubjectApprovals round, Facts facts, Instant now, ChangeAction action) {
        return switch (action) {
            case APPROVE, REJECT -> {
                // C-1: whoever asked for the change or wrote any of it never decides on it.
                if (me.equals(change.getRequested().by()) || facts.authors().contains(me)) {
                    yield Refusal.of(ChangeRule.FOUR_EYES, change.getId(), me);
                }
                // C-9: an emergency's implementer never ratifies what they did.
                if (me.equals(Stamp.byOf(change.getStarted()))) {
                    yield Refusal.of(ChangeRule.RATIFY_FOUR_EYES, change.getId(), me);
                }
                // C-12: whoever overrode the freeze was the second approver; they do not approve too.
                if (change.isFreezeOverridden() && me.equals(Stamp.byOf(change.getFreezeOverride()))) {
                    yield Refusal.of(ChangeRule.OVERRIDE_FOUR_EYES, change.getId(), me);
                }
                yield standingDecision(me, round, now);
            }
            case EXTEND ->
                // C-11: the implementer never extends their own window.
                me.equals(Stamp.byOf(change.getStarted()))
                        ? Refusal.of(ChangeRule.EXTENSION_BY_IMPLEMENTER, change.getId(), me)
                        : null;
            case OVERRIDE_FREEZE -> {
                if (me.equals(change.getRequested().by()) || facts.authors().contains(me)) {
                    yield Refusal.of(ChangeRule.FOUR_EYES, change.getId(), me);
                }
                // C-12: a second approver: not one whose approval of this round lets the emergency start.
                boolean approvedRound = round.decisions().stream()
                        .anyMatch(decision -> decision.approver().equals(me) && decision.countsAt(now));
                if (approvedRound || change.isFreezeOverridden()) {
                    yield Refusal.of(ChangeRule.OVERRIDE_FOUR_EYES, change.getId(), me);
                }
                yield facts.freezesInWindow().isEmpty() && facts.freezesNow().isEmpty()
                        ? Refusal.of(ChangeRule.NOT_FROZEN, change.getId())
                        : null;
            }
            case START -> {
                Refusal executor = executor(me, round, now);
                if (executor != null) {
                    yield executor;
                }
                Refusal approved = approved(change, me, round, now);
                yield approved != null ? approved : timeAndPlace(change, facts, now);
            }
            case COMPLETE -> executor(me, round, now);
            case REVIEW -> {
                // C-4: the reviewer took no part: neither asked, approved, nor implemented.
                boolean tookPart = me.equals(change.getRequested().by())
                        || me.equals(Stamp.byOf(change.getStarted()))
                        || me.equals(Stamp.byOf(change.getEnded()))
                        || facts.authors().contains(me)
                        || facts.approvedAnyRound().contains(me);
                yield tookPart ? Refusal.of(ChangeRule.REVIEWER_TOOK_PART, change.getId(), me) : null;
            }
            case EDIT, SUBMIT, CANCEL, CLOSE -> null;
        };
    }

    /** C-2: one standing decision per person and round; a lapsed one may be given again. */
    private static Refusal standingDecision(String me, SubjectApprovals round, Instant now) {
        for (Approval decision : round.decisions()) {
            if (decision.approver().equals(me) && (decision.countsAt(now) || decision.isStandingRejection())) {
                return Refusal.of(ChangeRule.ALREADY_DECIDED, me, PortalTime.format(decision.decidedAt()));
            }
        }
        return null;
    }

    /** C-3: whoever approved the round does not carry it out, unless the policy allows it. */
    private static Refusal executor(String me, SubjectApprovals round, Instant now) {
        if (round.policy().executorMayApprove()) {
            return null;
        }
        boolean approved = round.decisions().stream()
                .anyMatch(decision -> decision.approver().equals(me)
                        && decision.decision() == Approval.Decision.APPROVED
                        && !decision.isWithdrawn());
        return approved ? Refusal.of(ChangeRule.EXECUTOR_IS_APPROVER, me) : null;
    }

    /**
     * C-5: the approvals of the current round still suffice at the start; an emergency starts on
     * one; a STANDARD change stands on its template.
     */
    private static Refusal approved(ChangeRequest change, String me, SubjectApprovals round, Instant now) {
        var status = round.statusFor(me, now);
        boolean enough = switch (change.getType()) {
            case STANDARD -> true;
            case EMERGENCY -> !status.rejected() && !status.valid().isEmpty();
            case NORMAL -> status.satisfied();
        };
        return enough ? null : Refusal.of(ChangeRule.NOT_APPROVED, change.getId(), status.required());
    }

    /**
     * C-6 … C-8: inside the window, outside every freeze (unless a second approver overrode it for
     * an emergency, C-12), nothing else on the pools.
     */
    private static Refusal timeAndPlace(ChangeRequest change, Facts facts, Instant now) {
        if (now.isBefore(facts.windowStart()) || !now.isBefore(facts.windowEnd())) {
            return Refusal.of(
                    ChangeRule.OUTSIDE_WINDOW,
                    PortalTime.format(facts.windowStart()),
                    PortalTime.format(facts.windowEnd()));
        }
        if (!facts.freezesNow().isEmpty() && !change.isFreezeOverridden()) {
            return Refusal.of(ChangeRule.FROZEN, String.join("; ", facts.freezesNow()));
        }
        if (!facts.conflicts().isEmpty()) {
            return Refusal.of(ChangeRule.CONFLICT, String.join("; ", facts.conflicts()));
        }
        return null;
    }

    /**
     * C-11 and C-7, before every step of the change's configuration runs: while it is being
     * implemented, before the end of its window or last extension, outside every freeze it was not
     * allowed to override. The step under way is never stopped: only the next is refused.
     */
    public static Optional<Refusal> step(ChangeRequest change, Facts facts, Instant now) {
        if (change.getState() != ChangeState.IMPLEMENTING) {
            return Optional.of(Refusal.of(ChangeRule.WRONG_STATE, change.getId(), state(change.getState())));
        }
        if (!now.isBefore(facts.effectiveEnd())) {
            return Optional.of(
                    Refusal.of(ChangeRule.WINDOW_ENDED, change.getId(), PortalTime.format(facts.effectiveEnd())));
        }
        if (!facts.freezesNow().isEmpty() && !change.isFreezeOverridden()) {
            return Optional.of(Refusal.of(ChangeRule.FROZEN, String.join("; ", facts.freezesNow())));
        }
        return Optional.empty();
    }

    /** A request's state as its reader's language names it, for the message that quotes it. */
    public static MessageSourceResolvable state(ChangeState state) {
        return new DefaultMessageSourceResolvable(new String[] {"change.state." + state.name()}, state.name());
    }

    /** Whether an emergency's approvals reached its policy, approvals after the start included. */
    public static boolean ratified(ChangeRequest change, SubjectApprovals round, Instant now) {
        return change.getType() != ChangeType.EMERGENCY
                || change.getState() == ChangeState.SUBMITTED
                || change.getState() == ChangeState.APPROVED
                || round.statusFor(null, now).satisfied();
    }
}
