/**
 * Approvals of anything that needs four eyes (runs now, change requests later): who approved or
 * rejected what, per-kind policies (how many distinct approvers, whether the executor may be one,
 * how long an approval holds) and the status a subject's approvals add up to.
 */
@ApplicationModule(
        displayName = "Approvals",
        allowedDependencies = {"base", "base :: api"})
package org.pchatdr.portal.approval;

import org.springframework.modulith.ApplicationModule;
