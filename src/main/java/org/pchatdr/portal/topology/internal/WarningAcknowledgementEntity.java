package org.pchatdr.portal.topology.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.pchatdr.portal.base.GeneratedKey;
import org.pchatdr.portal.base.Stamp;
import org.pchatdr.portal.topology.TopologyVersion;

@Entity
@Table(name = "warning_acknowledgement")
public class WarningAcknowledgementEntity extends GeneratedKey {

    @Column(name = "topology_id", nullable = false)
    private Long topologyId;

    @Column(name = "rule_id", nullable = false, length = 16)
    private String ruleId;

    /** The key of the element the warning was accepted for (TopologyElements); V17/V18. */
    @Column(nullable = false, length = 400)
    private String element;

    @Column(nullable = false, length = 400)
    private String path;

    @Column(nullable = false, length = 1000)
    private String reason;

    private Stamp acknowledged;

    protected WarningAcknowledgementEntity() {}

    public WarningAcknowledgementEntity(
            Long topologyId,
            String ruleId,
            String element,
            String path,
            String reason,
            String acknowledgedBy,
            Instant acknowledgedAt) {
        this.topologyId = topologyId;
        this.ruleId = ruleId;
        this.element = element;
        this.path = path;
        this.reason = reason;
        this.acknowledged = new Stamp(acknowledgedBy, acknowledgedAt);
    }

    public TopologyVersion.Acknowledgement view() {
        return new TopologyVersion.Acknowledgement(ruleId, element, path, reason, acknowledged.by(), acknowledged.at());
    }
}
