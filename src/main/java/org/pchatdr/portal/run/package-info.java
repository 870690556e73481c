/**
 * Guided runs: a procedure of a pool's published topology frozen into steps, approved by four eyes,
 * walked one step at a time, one active run per pool, timed against the pool's RTO.
 */
@ApplicationModule(
        displayName = "Runs",
        allowedDependencies = {
            "base",
            "base :: api",
            "base :: ui",
            "topology",
            "procedure",
            "procedure :: ui",
            "approval"
        })
package org.pchatdr.portal.run;

import org.springframework.modulith.ApplicationModule;
