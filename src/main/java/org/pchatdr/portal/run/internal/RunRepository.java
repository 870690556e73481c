package org.pchatdr.portal.run.internal;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.pchatdr.portal.run.RunState;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface RunRepository extends JpaRepository<Run, Long> {

    /** The run row-locked: two people acting on one run at once queue up here. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Run r where r.id = :id")
    Optional<Run> lock(Long id);

    @Query("select r from Run r where (:pool is null or lower(r.pool) = lower(:pool))"
            + " and (:state is null or r.state = :state)")
    Slice<Run> search(String pool, RunState state, Pageable pageable);
}
