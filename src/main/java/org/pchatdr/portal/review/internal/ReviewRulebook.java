package org.pchatdr.portal.review.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.review.Finding;
import org.pchatdr.portal.review.ReviewDecision.Outcome;
import org.pchatdr.portal.review.ReviewState;
import org.pchatdr.portal.review.RunException;
import org.pchatdr.portal.run.RunView;

/**
 * Who may decide a review and close a finding, as one pure function (decision 013's pattern, for
 * reviews): the service asks it before every change, and the review's {@code actions} show exactly
 * what it allows. Each answer applies the role, then the review's state, then independence.
 */
public final class ReviewRulebook {

    private ReviewRulebook() {}

    /** The signed-in user as the rulebook weighs them. */
    public record Actor(String name, Set<Role> roles) {}

    /** Why an action is refused: the translated code of {@code error.<code>} and its arguments. */
    public record Refusal(Kind kind, String code, List<Object> arguments) {
        static Refusal of(Kind kind, String code, Object... arguments) {
            return new Refusal(kind, code, List.of(arguments));
        }

        /** The refusal the UI and the REST API translate. */
        public PortalException exception() {
            return new PortalException(kind, code, arguments.toArray());
        }
    }

    /**
     * May {@code actor} take {@code outcome} on the review of {@code run} now? {@code exceptions}
     * carry the dispositions the decision would leave behind (stored plus those it brings).
     */
    public static Optional<Refusal> decide(
            RunView run, ReviewState state, Actor actor, Outcome outcome, List<RunException> exceptions) {
        Optional<Refusal> who = mayDecide(run, state, actor);
        if (who.isPresent() || outcome != Outcome.SIGN_OFF) {
            return who;
        }
        return exceptions.stream()
                .filter(exception -> !exception.disposed())
                .findFirst()
                .map(undisposed -> Refusal.of(Kind.CONFLICT, "review_exception_undisposed", undisposed.code()));
    }

    /** The people and state rules of a decision, whatever the exceptions: what the page's buttons follow. */
    public static Optional<Refusal> mayDecide(RunView run, ReviewState state, Actor actor) {
        if (!actor.roles().contains(Role.MANAGER)) {
            return Optional.of(Refusal.of(Kind.FORBIDDEN, "review_manager_only"));
        }
        if (!run.state().isFinished()) {
            return Optional.of(Refusal.of(Kind.CONFLICT, "review_run_not_ended", run.id()));
        }
        if (state == ReviewState.SIGNED_OFF) {
            return Optional.of(Refusal.of(Kind.CONFLICT, "review_already_signed_off", run.id()));
        }
        return RunFacts.part(run, actor.name())
                .map(part ->
                        Refusal.of(Kind.FORBIDDEN, "review_not_independent", run.id(), RunFacts.PARTS.indexOf(part)));
    }

    /** A finding is closed by its owner or by a manager, once. */
    public static Optional<Refusal> close(Finding finding, Actor actor) {
        if (!finding.open()) {
            return Optional.of(Refusal.of(Kind.CONFLICT, "finding_already_closed", finding.id(), finding.closedBy()));
        }
        if (!actor.roles().contains(Role.MANAGER) && !actor.name().equals(finding.owner())) {
            return Optional.of(Refusal.of(Kind.FORBIDDEN, "finding_close_forbidden", finding.id(), finding.owner()));
        }
        return Optional.empty();
    }
}
