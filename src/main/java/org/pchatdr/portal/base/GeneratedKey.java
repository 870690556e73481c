package org.pchatdr.portal.base;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * An entity whose key the database generates on insert (an identity column named {@code id}):
 * empty until the entity is saved. The counterpart of {@link AssignedKey}.
 */
@MappedSuperclass
public abstract class GeneratedKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    public Long getId() {
        return id;
    }
}
