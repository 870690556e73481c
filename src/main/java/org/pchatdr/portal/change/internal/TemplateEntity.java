package org.pchatdr.portal.change.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.pchatdr.portal.base.GeneratedKey;
import org.pchatdr.portal.base.Stamp;

/** A standard-change template, usable once an ADMIN and an APPROVER (two people) approved it. */
@Entity
@Table(name = "change_template")
public class TemplateEntity extends GeneratedKey {

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, columnDefinition = "NVARCHAR(MAX)")
    private String fields;

    private Stamp created;

    @Column(name = "admin_approved_by", length = 64)
    private String adminApprovedBy;

    @Column(name = "approver_approved_by", length = 64)
    private String approverApprovedBy;

    protected TemplateEntity() {}

    public TemplateEntity(String name, String fields, String createdBy, Instant now) {
        this.name = name;
        this.fields = fields;
        this.created = new Stamp(createdBy, now);
        // The ADMIN who writes a template pre-approves it as the ADMIN.
        this.adminApprovedBy = createdBy;
    }

    public void approveAsApprover(String by) {
        this.approverApprovedBy = by;
    }

    public boolean usable() {
        return adminApprovedBy != null && approverApprovedBy != null;
    }

    public String getName() {
        return name;
    }

    public String getFields() {
        return fields;
    }

    public Stamp getCreated() {
        return created;
    }

    public String getApproverApprovedBy() {
        return approverApprovedBy;
    }
}
