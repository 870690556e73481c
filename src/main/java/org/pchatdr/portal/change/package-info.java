/**
 * Configuration change requests (issue 13): a proposal bound to one saved topology version, its
 * revisions and content hash, risk computed from the diff, approvals through the approval engine
 * (kinds {@code change:LOW|MEDIUM|HIGH|EMERGENCY}), maintenance windows and freezes that are
 * enforced, the gate every publication after the first goes through, and the review afterwards.
 */
@ApplicationModule(
        displayName = "Change control",
        allowedDependencies = {"base", "base :: api", "base :: ui", "topology", "approval", "run", "procedure"})
package org.pchatdr.portal.change;

import org.springframework.modulith.ApplicationModule;
