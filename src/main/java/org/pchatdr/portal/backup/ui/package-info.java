/**
 * The backup pages: a module nested in backup that may use the feature's API (never its internals) and
 * the shared UI, as Spring Modulith verifies (ModularityTests).
 */
@ApplicationModule(allowedDependencies = {"backup", "base", "base :: ui"})
package org.pchatdr.portal.backup.ui;

import org.springframework.modulith.ApplicationModule;
