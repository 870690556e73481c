package org.pchatdr.portal.change;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.pchatdr.portal.approval.ApprovableSubjects;
import org.pchatdr.portal.approval.PolicyKind;
import org.pchatdr.portal.approval.PolicyKind.Field;
import org.pchatdr.portal.approval.Subject;
import org.pchatdr.portal.approval.WaitingItem;
import org.pchatdr.portal.base.Role;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Change requests as the approval module sees them (decision 014): a policy kind per risk and one
 * for emergencies, and the requests waiting on the signed-in approver: approvals, ratifications
 * and post-implementation reviews (overdue a week after the end). Operators request and implement.
 */
@Component
@Order(10)
record ChangeApprovals(ChangeService changes, MessageSource messages, java.time.Clock clock)
        implements ApprovableSubjects {

    @Override
    public List<PolicyKind> policyKinds() {
        return List.of(
                kind("LOW", EnumSet.of(Field.EXECUTOR_MAY_APPROVE)),
                kind("MEDIUM", EnumSet.of(Field.EXECUTOR_MAY_APPROVE)),
                kind("HIGH", EnumSet.of(Field.EXECUTOR_MAY_APPROVE)),
                kind("EMERGENCY", EnumSet.of(Field.EXECUTOR_MAY_APPROVE, Field.RATIFICATION_WINDOW)));
    }

    private static PolicyKind kind(String name, Set<Field> fields) {
        return new PolicyKind("change:" + name, "change.policy-kind." + name, Role.OPERATOR, fields);
    }

    @Override
    public List<WaitingItem> waiting(Locale locale) {
        return changes.waitingOnMe().stream()
                .map(change -> item(change, locale))
                .toList();
    }

    @Override
    public int waitingCount() {
        return changes.waitingOnMe().size();
    }

    private WaitingItem item(ChangeView change, Locale locale) {
        String need = change.reviewDue() && change.state().ended()
                ? "REVIEW"
                : change.state() == ChangeState.SUBMITTED ? "APPROVE" : "RATIFY";
        Instant since = need.equals("REVIEW") ? change.endedAt() : change.changedAt();
        WaitingItem.Marker marker = need.equals("REVIEW")
                        && since.plus(ChangeService.REVIEW_OVERDUE).isBefore(clock.instant())
                ? new WaitingItem.Marker(
                        text(locale, "change.marker.overdue"), text(locale, "change.marker.review-overdue"), true)
                : null;
        return new WaitingItem(
                new Subject(ChangeService.SUBJECT_TYPE, change.id()),
                "changes/" + change.id(),
                text(locale, "change.title", change.id()),
                text(locale, "change.policy-kind." + change.approvalKind().substring("change:".length())),
                text(locale, "change.need." + need, change.revision()),
                change.current().title() + " · " + change.topologyName(),
                change.requestedBy(),
                since,
                marker);
    }

    private String text(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
