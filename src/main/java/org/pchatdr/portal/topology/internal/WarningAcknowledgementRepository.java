package org.pchatdr.portal.topology.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface WarningAcknowledgementRepository extends JpaRepository<WarningAcknowledgementEntity, Long> {

    List<WarningAcknowledgementEntity> findByTopologyId(Long topologyId);

    Optional<WarningAcknowledgementEntity> findByTopologyIdAndRuleIdAndElement(
            Long topologyId, String ruleId, String element);
}
