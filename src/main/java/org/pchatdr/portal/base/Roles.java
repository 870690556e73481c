package org.pchatdr.portal.base;

/** The names of {@link Role}, usable in annotations. */
public final class Roles {

    public static final String OPERATOR = "OPERATOR";
    public static final String APPROVER = "APPROVER";
    public static final String AUDITOR = "AUDITOR";
    public static final String ADMIN = "ADMIN";
    public static final String MANAGER = "MANAGER";

    private Roles() {}
}
