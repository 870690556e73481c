package org.pchatdr.portal.base;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.NoRepositoryBean;

/**
 * The repository of an entity that people act on at the same time (a run, a change request, a
 * topology, an approval, a finding): {@link #lock} reads it row-locked until the transaction ends,
 * so that the second of two concurrent actions waits for the first and then sees what it did.
 */
@NoRepositoryBean
public interface LockingRepository<T extends GeneratedKey> extends JpaRepository<T, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from #{#entityName} e where e.id = :id")
    Optional<T> lock(Long id);
}
