/**
 * The approval pages: a module nested in approval that may use the feature's API (never its internals) and
 * the shared UI, as Spring Modulith verifies (ModularityTests).
 */
@ApplicationModule(allowedDependencies = {"approval", "base", "base :: ui"})
package org.pchatdr.portal.approval.ui;

import org.springframework.modulith.ApplicationModule;
