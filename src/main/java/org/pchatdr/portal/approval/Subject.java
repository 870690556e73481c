package org.pchatdr.portal.approval;

import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;

/** What is approved: a type ({@code run}, later {@code change-request}) and the id of one of them. */
public record Subject(String type, long id) {

    public static final int MAX_TYPE = 32;

    public Subject {
        if (type == null || type.isBlank() || type.length() > MAX_TYPE) {
            throw new PortalException(Kind.INVALID, "approval_subject_invalid");
        }
    }

    @Override
    public String toString() {
        return type + " " + id;
    }
}
