/**
 * The DR topology of a stretched Persistent Chat pool: the model of the {@code pchat-dr-topology/1}
 * format, Microsoft's rules (T-1…T-16), versions and publishing. See
 * {@code ../shared/domain/persistent-chat-dr.md} sections 1–2 and {@code ../shared/samples/README.md}.
 */
@ApplicationModule(
        displayName = "Topology",
        allowedDependencies = {"base", "base :: api", "base :: ui"})
package org.pchatdr.portal.topology;

import org.springframework.modulith.ApplicationModule;
