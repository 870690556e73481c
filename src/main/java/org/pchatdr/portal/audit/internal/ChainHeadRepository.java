package org.pchatdr.portal.audit.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ChainHeadRepository extends JpaRepository<ChainHead, Integer> {

    // The appending transaction locks the head with a find by id (AuditRecorder.lockHead), not a query.

    @Query("select h from ChainHead h where h.id = " + ChainHead.ID)
    Optional<ChainHead> head();
}
