package org.pchatdr.portal.topology;

/**
 * What must hold before a topology that is already published publishes another version, as a
 * feature contributes it (decision 010's pattern): change control requires an approved change
 * request for that exact version whose window is open (issue 13). The first publication of a
 * topology passes no gate. The topology module never depends on the contributing feature.
 */
public interface PublicationGate {

    /**
     * Throws a {@code PortalException} when version {@code number} of topology {@code topologyId},
     * whose content hash is {@code sha256}, may not replace the published version now.
     */
    void checkPublication(long topologyId, int number, String sha256);
}
