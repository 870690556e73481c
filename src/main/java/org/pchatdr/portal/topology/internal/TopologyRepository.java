package org.pchatdr.portal.topology.internal;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface TopologyRepository extends JpaRepository<TopologyEntity, Long> {

    Slice<TopologyEntity> findAllBy(Pageable pageable);

    /** The topology row-locked: saves and publications of one topology queue up here. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from TopologyEntity t where t.id = :id")
    Optional<TopologyEntity> lock(Long id);
}
