package org.pchatdr.portal.base;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * An entity whose key is set before it is saved (an audit record's sequence, the run a frozen
 * procedure belongs to, the pool a run holds): new until it is stored or loaded. Without this the
 * repository would take a set key for a stored row and merge, which reads the row before every
 * insert. The subclass maps the key and answers {@link #getId()}.
 */
@MappedSuperclass
public abstract class AssignedKey<K> implements Persistable<K> {

    @Transient
    private boolean stored;

    @Override
    public boolean isNew() {
        return !stored;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        stored = true;
    }
}
