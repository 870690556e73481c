/**
 * The audit pages: a module nested in audit that may use the feature's API (never its internals) and
 * the shared UI, as Spring Modulith verifies (ModularityTests).
 */
@ApplicationModule(allowedDependencies = {"audit", "base", "base :: ui"})
package org.pchatdr.portal.audit.ui;

import org.springframework.modulith.ApplicationModule;
