package org.pchatdr.portal.security.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * A setting an administrator saved over the configuration's default (the lockout policy, the
 * directory's groups → roles mapping): the one row of its table, absent until the first save, with
 * who saved it last and when. {@link SavedSettingStore} reads and locks it.
 */
@MappedSuperclass
public abstract class SavedSetting {

    /** The id of the one row. */
    static final int ID = 1;

    @Id
    private int id = ID;

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Records who saved the setting, and when. */
    protected void saved(String by, Instant at) {
        this.updatedBy = by;
        this.updatedAt = at;
    }
}
