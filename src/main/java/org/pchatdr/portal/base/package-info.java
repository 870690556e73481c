/**
 * The shared kernel: the main layout, translations, the clock, the audit event contract and the
 * JSON error shape of the REST API. Every feature may use it; it uses no feature.
 */
@ApplicationModule(displayName = "Base")
package org.pchatdr.portal.base;

import org.springframework.modulith.ApplicationModule;
