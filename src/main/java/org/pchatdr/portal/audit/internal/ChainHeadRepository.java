package org.pchatdr.portal.audit.internal;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ChainHeadRepository extends JpaRepository<ChainHead, Integer> {

    /** The head, row-locked until the appending transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select h from ChainHead h where h.id = " + ChainHead.ID)
    Optional<ChainHead> lockHead();

    @Query("select h from ChainHead h where h.id = " + ChainHead.ID)
    Optional<ChainHead> head();
}
