package org.pchatdr.portal.change;

import org.pchatdr.portal.base.Role;

/** What can be done to a change request, named as its REST path; each takes one role. */
public enum ChangeAction {
    EDIT("edit", Role.OPERATOR),
    SUBMIT("submit", Role.OPERATOR),
    APPROVE("approve", Role.APPROVER),
    REJECT("reject", Role.APPROVER),
    CANCEL("cancel", Role.OPERATOR),
    START("start", Role.OPERATOR),
    COMPLETE("complete", Role.OPERATOR),
    REVIEW("review", Role.APPROVER),
    CLOSE("close", Role.OPERATOR),
    /** C-11: an approver who is not the implementer lets the runs go on past the window's end. */
    EXTEND("extend", Role.APPROVER),
    /** C-12: a second approver lets an emergency start inside a freeze. */
    OVERRIDE_FREEZE("override-freeze", Role.APPROVER);

    private final String path;
    private final Role role;

    ChangeAction(String path, Role role) {
        this.path = path;
        this.role = role;
    }

    /** The action named {@code path}; the REST routes admit no other. */
    public static ChangeAction of(String path) {
        for (ChangeAction action : values()) {
            if (action.path.equals(path)) {
                return action;
            }
        }
        throw new IllegalArgumentException(path);
    }

    public String path() {
        return path;
    }

    public Role role() {
        return role;
    }
}
