package org.pchatdr.portal.topology.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TopologyVersionRepository extends JpaRepository<TopologyVersionEntity, Long> {

    Optional<TopologyVersionEntity> findByTopologyIdAndNumber(Long topologyId, int number);

    List<TopologyVersionEntity> findByTopologyIdOrderByNumberDesc(Long topologyId);

    List<TopologyVersionEntity> findByTopologyIdAndNumberBetween(Long topologyId, int from, int to);

    /** The published version of each topology, newest topology first: one query, one page. */
    @Query("select v from TopologyVersionEntity v, TopologyEntity t where v.topologyId = t.id"
            + " and v.number = t.publishedVersion order by t.id desc")
    List<TopologyVersionEntity> publishedVersions(Pageable pageable);
}
