package org.pchatdr.portal.security.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The groups → roles mapping an administrator saved; one row, absent until the first save. */
@Entity
@Table(name = "directory_group_mapping")
public class DirectoryMappingEntity {

    static final int ID = 1;

    @Id
    private int id = ID;

    @Column(nullable = false)
    private String mapping;

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected DirectoryMappingEntity() {}

    public DirectoryMappingEntity(String mapping, String updatedBy, Instant updatedAt) {
        set(mapping, updatedBy, updatedAt);
    }

    public void set(String json, String by, Instant at) {
        this.mapping = json;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public String mapping() {
        return mapping;
    }
}
