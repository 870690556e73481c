package org.pchatdr.portal.change;

import org.pchatdr.portal.topology.PublicationGate;
import org.springframework.stereotype.Component;

/** Publishing goes through change control: the topology module asks here (issue 13). */
@Component
record ChangePublicationGate(ChangeService changes) implements PublicationGate {

    @Override
    public void checkPublication(long topologyId, int number, String sha256) {
        changes.checkPublication(topologyId, number, sha256);
    }
}
