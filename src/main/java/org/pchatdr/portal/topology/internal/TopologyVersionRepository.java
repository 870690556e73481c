package org.pchatdr.portal.topology.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TopologyVersionRepository extends JpaRepository<TopologyVersionEntity, Long> {

    Optional<TopologyVersionEntity> findByTopologyIdAndNumber(Long topologyId, int number);

    List<TopologyVersionEntity> findByTopologyIdOrderByNumberDesc(Long topologyId);

    List<TopologyVersionEntity> findByTopologyIdAndNumberBetween(Long topologyId, int from, int to);
}
