package org.pchatdr.portal.topology.internal;

import org.pchatdr.portal.base.LockingRepository;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;

public interface TopologyRepository extends LockingRepository<TopologyEntity> {

    Slice<TopologyEntity> findAllBy(Pageable pageable);
}
