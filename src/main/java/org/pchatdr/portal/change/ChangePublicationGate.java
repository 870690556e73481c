package org.pchatdr.portal.change;

import org.pchatdr.portal.topology.PublicationGate;
import org.springframework.stereotype.Component;

/** Publishing goes through change control: the topology module asks here (issue 13). */
@Component
class ChangePublicationGate implements PublicationGate {

    private final ChangeService changes;

    ChangePublicationGate(ChangeService changes) {
        this.changes = changes;
    }

    @Override
    public void checkPublication(long topologyId, int number, String sha256) {
        changes.checkPublication(topologyId, number, sha256);
    }
}
