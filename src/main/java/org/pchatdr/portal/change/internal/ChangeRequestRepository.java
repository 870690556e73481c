package org.pchatdr.portal.change.internal;

import java.util.Collection;
import java.util.List;
import org.pchatdr.portal.base.LockingRepository;
import org.pchatdr.portal.change.ChangeState;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.Query;

public interface ChangeRequestRepository extends LockingRepository<ChangeRequest> {

    @Query("select c from ChangeRequest c where (:state is null or c.state = :state)"
            + " and (:topologyId is null or c.topologyId = :topologyId)"
            + " and (:requester is null or lower(c.requested.by) = lower(:requester))")
    Slice<ChangeRequest> search(ChangeState state, Long topologyId, String requester, Pageable pageable);

    List<ChangeRequest> findByTopologyIdAndStateIn(long topologyId, Collection<ChangeState> states);

    List<ChangeRequest> findByStateIn(Collection<ChangeState> states);
}
