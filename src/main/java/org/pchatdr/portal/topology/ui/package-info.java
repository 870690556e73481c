/**
 * The topology pages: a module nested in topology that may use the feature's API (never its internals) and
 * the shared UI, as Spring Modulith verifies (ModularityTests).
 */
@ApplicationModule(allowedDependencies = {"topology", "base", "base :: ui"})
package org.pchatdr.portal.topology.ui;

import org.springframework.modulith.ApplicationModule;
