package org.pchatdr.portal.change;

/**
 * A standard-change template as people see it: usable once the ADMIN who wrote it and an APPROVER
 * have both vouched for it ({@code approverApprovedBy} set).
 */
public record ChangeTemplate(long id, String name, String fields, String createdBy, String approverApprovedBy) {

    public boolean usable() {
        return approverApprovedBy != null;
    }
}
