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

    /** A topology's latest version as T-17 needs it: whose it is and which document. */
    interface LatestVersion {
        Long getVersionId();

        String getTopologyName();

        String getSha256();
    }

    /** The latest version of every topology but {@code topologyId}, oldest topology first: one query. */
    @Query("select v.id as versionId, t.name as topologyName, v.sha256 as sha256"
            + " from TopologyVersionEntity v, TopologyEntity t"
            + " where v.topologyId = t.id and v.number = t.latestVersion and t.id <> :topologyId order by t.id")
    List<LatestVersion> latestVersionsOfOthers(long topologyId);
}
