/**
 * Approvals of anything that needs four eyes (runs now, change requests later): who approved or
 * rejected what, per-kind policies (how many distinct approvers, whether the executor may be one,
 * how long an approval holds) and the status a subject's approvals add up to. Features contribute their
 * subjects through {@link org.pchatdr.portal.approval.ApprovableSubjects}; the approvals inbox, its
 * badge and the policy page live here. It counts eligible approvers through the security module.
 */
@ApplicationModule(
        displayName = "Approvals",
        allowedDependencies = {"base", "base :: api", "base :: ui", "security"})
package org.pchatdr.portal.approval;

import org.springframework.modulith.ApplicationModule;
