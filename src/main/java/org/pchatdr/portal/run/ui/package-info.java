/**
 * The run pages: a module nested in run that may use the feature's API (never its internals) and
 * the shared UI, as Spring Modulith verifies (ModularityTests).
 */
@ApplicationModule(
        allowedDependencies = {"run", "approval", "procedure", "procedure :: ui", "topology", "base", "base :: ui"})
package org.pchatdr.portal.run.ui;

import org.springframework.modulith.ApplicationModule;
