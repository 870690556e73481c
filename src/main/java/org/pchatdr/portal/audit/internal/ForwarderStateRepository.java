package org.pchatdr.portal.audit.internal;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ForwarderStateRepository extends JpaRepository<ForwarderState, Integer> {

    /** The shared row, row-locked until the sending transaction ends: one sender at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from ForwarderState s where s.id = " + ForwarderState.ID)
    Optional<ForwarderState> lock();

    @Query("select s from ForwarderState s where s.id = " + ForwarderState.ID)
    Optional<ForwarderState> read();
}
