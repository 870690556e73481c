/**
 * Generates the DR procedures (configure mirroring and log shipping, mirroring failover, site
 * failover and failback) of a pool from a topology version, as ordered T-SQL and Lync Management
 * Shell steps. Domain reference sections 3–8 (rules M-, L-, F-, B-, P-).
 */
@ApplicationModule(
        displayName = "Procedures",
        allowedDependencies = {"base", "base :: api", "base :: ui", "topology"})
package org.pchatdr.portal.procedure;

import org.springframework.modulith.ApplicationModule;
