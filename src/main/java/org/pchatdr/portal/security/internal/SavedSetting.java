package org.pchatdr.portal.security.internal;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import org.pchatdr.portal.base.Stamp;

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

    private Stamp updated;

    /** Records who saved the setting, and when. */
    protected void saved(String by, Instant at) {
        this.updated = new Stamp(by, at);
    }
}
