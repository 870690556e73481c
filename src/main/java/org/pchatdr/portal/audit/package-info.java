/**
 * The append-only, hash-chained audit trail. It depends on no feature: it records every {@link
 * org.pchatdr.portal.base.AuditableEvent} any feature publishes.
 */
@ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {"base", "base :: api", "base :: ui"})
package org.pchatdr.portal.audit;

import org.springframework.modulith.ApplicationModule;
