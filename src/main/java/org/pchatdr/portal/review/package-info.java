/**
 * Manager reviews of ended runs (issue 14): sign-off or return with findings, by a manager who took
 * no part in the run, once every exception of the run has a disposition. Reads runs through the run
 * module's API; its events go to the audit trail like every other feature's.
 */
@ApplicationModule(
        displayName = "Reviews",
        allowedDependencies = {
            "base",
            "base :: api",
            "base :: ui",
            "run",
            "approval",
            "audit",
            "topology",
            "procedure",
            "change"
        })
package org.pchatdr.portal.review;

import org.springframework.modulith.ApplicationModule;
