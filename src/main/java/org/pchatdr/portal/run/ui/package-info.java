/**
 * The run pages: a module nested in run that may use the feature's API (never its internals), the
 * APIs of what a run is made of (approvals, procedures and their step cards, topologies) and the
 * shared UI, as Spring Modulith verifies (ModularityTests).
 */
@ApplicationModule(
        allowedDependencies = {"run", "approval", "procedure", "procedure :: ui", "topology", "base", "base :: ui"})
package org.pchatdr.portal.run.ui;

import org.springframework.modulith.ApplicationModule;
