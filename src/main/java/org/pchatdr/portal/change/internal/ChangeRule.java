package org.pchatdr.portal.change.internal;

import java.util.Locale;
import org.pchatdr.portal.base.PortalException.Kind;
import org.pchatdr.portal.base.RefusalRule;

/**
 * The rules of a change request (C- rules of issue 13), each with the translated message code that
 * explains a refusal. The request guards its state machine with them; {@link ChangeRulebook} adds
 * who may act, when and where.
 */
public enum ChangeRule implements RefusalRule {
    ROLE_REQUIRED(Kind.FORBIDDEN),
    WRONG_STATE(Kind.CONFLICT),
    /** C-1: the requester, and whoever wrote a revision, never approves or rejects. */
    FOUR_EYES(Kind.FORBIDDEN),
    /** C-2: one person, one standing decision per approval round. */
    ALREADY_DECIDED(Kind.CONFLICT),
    /** C-3: whoever approved does not implement, unless the policy lets the executor approve. */
    EXECUTOR_IS_APPROVER(Kind.FORBIDDEN),
    /** C-4: the reviewer took no part in requesting, approving or implementing. */
    REVIEWER_TOOK_PART(Kind.FORBIDDEN),
    /** C-5: implementation needs the approvals of the current round (one for an emergency). */
    NOT_APPROVED(Kind.CONFLICT),
    /** C-6: implementation starts only inside the approved window. */
    OUTSIDE_WINDOW(Kind.CONFLICT),
    /** C-7: nor inside a freeze of one of its pools. */
    FROZEN(Kind.CONFLICT),
    /** C-8: nor while another change or a run claims one of its pools. */
    CONFLICT(Kind.CONFLICT),
    /** C-9: an emergency's implementer never ratifies it. */
    RATIFY_FOUR_EYES(Kind.FORBIDDEN),
    /** C-10: the review is mandatory for emergencies, failures and back-outs before closing. */
    REVIEW_REQUIRED(Kind.CONFLICT),
    /**
     * C-11: past the window's end (and every extension) the step under way may finish, the next one
     * is refused; an extension is granted by an approver who is not the implementer.
     */
    WINDOW_ENDED(Kind.CONFLICT),
    EXTENSION_BY_IMPLEMENTER(Kind.FORBIDDEN),
    /** C-12: a freeze override is a second approver's: not the one whose approval started the emergency. */
    OVERRIDE_FOUR_EYES(Kind.FORBIDDEN),
    NOT_FROZEN(Kind.CONFLICT);

    private final Kind kind;

    ChangeRule(Kind kind) {
        this.kind = kind;
    }

    /** The code of its message: {@code change_} and its name, {@code error.change_four_eyes} for C-1. */
    @Override
    public String code() {
        return "change_" + name().toLowerCase(Locale.ROOT);
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
