package org.pchatdr.portal.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.change.ChangeDraft;
import org.pchatdr.portal.change.ChangeService;
import org.pchatdr.portal.change.ChangeState;
import org.pchatdr.portal.change.ChangeType;
import org.pchatdr.portal.change.ChangeView;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The one place where tests that are not about change control get a second version published:
 * an approved change request for exactly that version, its window open now (issue 13). Creates
 * the {@link TestAccounts#standingApprovers()} the policy's satisfiability check counts, signs its
 * own people in and gives the caller's sign-in back.
 */
public record ChangeControl(ChangeService changes, Clock clock, TestAccounts accounts) {

    public static final String OPERATOR = "change-control-operator";

    /** An APPROVED change request proposing {@code version} of {@code topologyId}, window open now. */
    public ChangeView approvedChangeFor(long topologyId, int version) {
        SecurityContext caller = SecurityContextHolder.getContext();
        accounts.standingApprovers();
        try {
            Instant now = clock.instant();
            TestAccounts.signIn(OPERATOR, Role.OPERATOR);
            ChangeView change = changes.create(new ChangeDraft(
                    "Publish version " + version,
                    ChangeType.NORMAL,
                    topologyId,
                    version,
                    null,
                    null,
                    "Publish the version.",
                    "Publish the previous version again.",
                    "Read the published version.",
                    now.minus(Duration.ofMinutes(1)).toString(),
                    now.plus(Duration.ofHours(2)).toString(),
                    "UTC",
                    null));
            change = changes.submit(change.id(), change.revision());
            for (String approver : TestAccounts.STANDING_APPROVERS) {
                if (change.state() != ChangeState.SUBMITTED) {
                    break;
                }
                TestAccounts.signIn(approver, Role.APPROVER);
                change = changes.approve(change.id(), change.revision(), null);
            }
            return change;
        } finally {
            SecurityContextHolder.setContext(caller);
        }
    }
}
