package org.pchatdr.portal.run.internal;

import org.pchatdr.portal.base.PortalException.Kind;

/** The rules a run guards itself, each with the translated message code that explains a refusal. */
public enum RunRule {
    FINISHED("run_finished", Kind.CONFLICT),
    WRONG_STATE("run_wrong_state", Kind.CONFLICT),
    REASON_REQUIRED("run_reason_required", Kind.INVALID),
    STEP_UNKNOWN("run_step_unknown", Kind.NOT_FOUND),
    STEP_OUT_OF_ORDER("run_step_out_of_order", Kind.CONFLICT),
    STEP_WRONG_STATE("run_step_wrong_state", Kind.CONFLICT),
    SKIP_ALREADY_REQUESTED("run_skip_already_requested", Kind.CONFLICT),
    SKIP_NOT_REQUESTED("run_skip_not_requested", Kind.CONFLICT),
    SKIP_FOUR_EYES("run_skip_four_eyes", Kind.FORBIDDEN);

    private final String code;
    private final Kind kind;

    RunRule(String code, Kind kind) {
        this.code = code;
        this.kind = kind;
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }
}
