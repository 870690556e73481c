package org.pchatdr.portal.change.internal;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.pchatdr.portal.change.ChangeState;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ChangeRequestRepository extends JpaRepository<ChangeRequest, Long> {

    /** Row-locked: two people acting on one request at once queue up here. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from ChangeRequest c where c.id = :id")
    Optional<ChangeRequest> lock(Long id);

    @Query("select c from ChangeRequest c where (:state is null or c.state = :state)"
            + " and (:topologyId is null or c.topologyId = :topologyId)"
            + " and (:requester is null or lower(c.requested.by) = lower(:requester))")
    Slice<ChangeRequest> search(ChangeState state, Long topologyId, String requester, Pageable pageable);

    List<ChangeRequest> findByTopologyIdAndStateIn(long topologyId, Collection<ChangeState> states);

    List<ChangeRequest> findByStateIn(Collection<ChangeState> states);
}
