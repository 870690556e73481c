package org.pchatdr.portal.run;

import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.pchatdr.portal.approval.ApprovableSubjects;
import org.pchatdr.portal.approval.PolicyKind;
import org.pchatdr.portal.approval.PolicyKind.Field;
import org.pchatdr.portal.approval.Subject;
import org.pchatdr.portal.approval.WaitingItem;
import org.pchatdr.portal.base.PortalTime;
import org.pchatdr.portal.base.Role;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Runs as the approval module sees them: a policy kind per {@link RunKind}, and the run inbox of
 * {@link RunService#inbox()} worded for the approvals page. Operators request and execute runs.
 */
@Component
@Order(0)
record RunApprovals(RunService runs, MessageSource messages, Clock clock) implements ApprovableSubjects {

    @Override
    public List<PolicyKind> policyKinds() {
        return Arrays.stream(RunKind.values())
                .map(kind -> new PolicyKind(
                        kind.approvalKind(), "run.policy-kind." + kind.name(), Role.OPERATOR, fields(kind)))
                .toList();
    }

    /** Only a disaster may start as an emergency, and only a drill may skip the data-loss gate. */
    private static Set<Field> fields(RunKind kind) {
        Set<Field> fields = EnumSet.of(Field.EXECUTOR_MAY_APPROVE);
        switch (kind) {
            case DISASTER -> fields.add(Field.RATIFICATION_WINDOW);
            case DRILL -> fields.add(Field.DATA_LOSS_GATE_WAIVER);
            default -> {}
        }
        return fields;
    }

    @Override
    public List<WaitingItem> waiting(Locale locale) {
        return runs.inbox().stream().map(item -> item(item, locale)).toList();
    }

    @Override
    public int waitingCount() {
        return runs.inbox().size();
    }

    @Override
    public String waitingStamp() {
        return runs.inboxStamp();
    }

    @Override
    public Optional<SubjectLink> link(Subject subject, Locale locale) {
        return RunService.SUBJECT_TYPE.equals(subject.type())
                ? Optional.of(new SubjectLink("runs/" + subject.id(), text(locale, "runs.run", subject.id())))
                : Optional.empty();
    }

    private WaitingItem item(InboxItem item, Locale locale) {
        RunSummary run = item.run();
        return new WaitingItem(
                new Subject(RunService.SUBJECT_TYPE, run.id()),
                "runs/" + run.id(),
                text(locale, "runs.run", run.id()),
                text(locale, "run.kind." + run.kind().name()),
                text(locale, "approvals.need." + item.need().name(), item.step()),
                procedureTitle(run, locale) + " · " + run.pool(),
                run.requestedBy(),
                item.since(),
                item.need() == InboxItem.Need.RATIFICATION ? ratificationMarker(run, locale) : null);
    }

    /** The procedure's name as its pages show it: translated where a translation exists. */
    private String procedureTitle(RunSummary run, Locale locale) {
        String name = messages.getMessage("procedure.name." + run.procedure(), null, run.procedure(), locale);
        return run.variant() == null
                ? name
                : name + " (" + messages.getMessage("procedure.variant." + run.variant(), null, run.variant(), locale)
                        + ")";
    }

    /** As on the runs list: owed, and overdue once its deadline passed. */
    private WaitingItem.Marker ratificationMarker(RunSummary run, Locale locale) {
        boolean overdue = run.ratifyBy() != null && run.ratifyBy().isBefore(clock.instant());
        return new WaitingItem.Marker(
                text(locale, overdue ? "runs.marker.overdue" : "runs.marker.owed"),
                text(locale, "runs.marker.ratify-by", PortalTime.format(run.ratifyBy())),
                overdue);
    }

    private String text(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
