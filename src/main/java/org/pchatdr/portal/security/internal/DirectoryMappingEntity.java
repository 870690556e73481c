package org.pchatdr.portal.security.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** The groups → roles mapping an administrator saved; one row, absent until the first save. */
@Entity
@Table(name = "directory_group_mapping")
public class DirectoryMappingEntity extends SavedSetting {

    @Column(nullable = false)
    private String mapping;

    protected DirectoryMappingEntity() {}

    public DirectoryMappingEntity(String mapping, String updatedBy, Instant updatedAt) {
        set(mapping, updatedBy, updatedAt);
    }

    public void set(String json, String by, Instant at) {
        this.mapping = json;
        saved(by, at);
    }

    public String mapping() {
        return mapping;
    }
}
