package org.pchatdr.portal.run.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Instant;
import org.pchatdr.portal.approval.Approval;
import org.pchatdr.portal.run.RunView;

/**
 * The approvals of a run: how many the policy of its kind requires and how many count, every
 * decision with who, when, why and whether it still counts, and Approve, Reject and Withdraw for
 * the approvers who may use them.
 */
class ApprovalsPanel extends Div {

    ApprovalsPanel(RunView run, RunAccess access, RunActions actions, Instant now) {
        setId("approvals");
        addClassName("run-panel");
        RunView.Approvals approvals = run.approvals();
        Span summary = new Span(getTranslation("runpage.approvals.summary", approvals.valid(), approvals.required()));
        summary.setId("approvals-summary");
        Span verdict = approvals.rejected()
                ? RunFormat.badge(getTranslation("runpage.approvals.rejected"), "error")
                : approvals.satisfied()
                        ? RunFormat.badge(getTranslation("runpage.approvals.satisfied"), "success")
                        : RunFormat.badge(getTranslation("runpage.approvals.missing"), "contrast");
        verdict.setId("approvals-verdict");
        Div heading = new Div(new H3(getTranslation("runpage.approvals.title")), summary, verdict);
        heading.addClassName("run-panel-heading");
        add(heading);
        if (!approvals.executorMayApprove()) {
            Paragraph rule = new Paragraph(getTranslation("runpage.approvals.executor-may-not"));
            rule.addClassName("secondary-text");
            add(rule);
        }
        Div decisions = new Div();
        decisions.setId("decisions");
        decisions.getElement().setAttribute("role", "list");
        approvals.decisions().forEach(decision -> decisions.add(decision(run.id(), decision, access, actions, now)));
        if (approvals.decisions().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("runpage.approvals.none"));
            none.setId("no-decisions");
            decisions.add(none);
        }
        add(decisions);
        if (access.mayDecide()) {
            var approve = actions.dialog("approve", getTranslation("runpage.approve"), () -> {
                TextArea comment = RunActions.text(this, "runpage.comment.optional", "approve-comment", false);
                return new RunActions.Form(
                        getTranslation("runpage.approve.title", run.id()),
                        getTranslation("runpage.approve"),
                        (runs, version) -> runs.approve(run.id(), version, comment.getValue()),
                        comment);
            });
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
            var reject = actions.dialog("reject", getTranslation("runpage.reject"), () -> {
                TextArea comment = RunActions.text(this, "runpage.comment.reject", "reject-comment", true);
                return new RunActions.Form(
                        getTranslation("runpage.reject.title", run.id()),
                        getTranslation("runpage.reject"),
                        (runs, version) -> runs.reject(run.id(), version, comment.getValue()),
                        new Paragraph(getTranslation("runpage.reject.explanation")),
                        comment);
            });
            reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
            Div buttons = new Div(approve, reject);
            buttons.addClassName("run-buttons");
            add(buttons);
        }
    }

    private Component decision(long runId, Approval decision, RunAccess access, RunActions actions, Instant now) {
        Div line = new Div();
        line.setId("decision-" + decision.id());
        line.addClassName("run-decision");
        line.getElement().setAttribute("role", "listitem");
        line.add(new Span(getTranslation(
                "runpage.decision." + decision.decision().name(),
                decision.approver(),
                RunFormat.time(decision.decidedAt()))));
        if (decision.comment() != null) {
            line.add(RunFormat.quote(this, decision.comment()));
        }
        line.add(status(decision, now));
        if (access.mayWithdraw(decision)) {
            line.add(actions.dialog(
                    "withdraw-" + decision.id(),
                    getTranslation("runpage.withdraw"),
                    () -> new RunActions.Form(
                            getTranslation("runpage.withdraw.title"),
                            getTranslation("runpage.withdraw"),
                            (runs, version) -> runs.withdraw(runId, version, decision.id()),
                            new Paragraph(getTranslation("runpage.withdraw.explanation")))));
        }
        return line;
    }

    private Span status(Approval decision, Instant now) {
        if (decision.isWithdrawn()) {
            return RunFormat.badge(
                    getTranslation("runpage.decision.withdrawn", RunFormat.time(decision.withdrawnAt())), "contrast");
        }
        if (decision.decision() == Approval.Decision.REJECTED) {
            return RunFormat.badge(getTranslation("runpage.decision.standing"), "error");
        }
        if (!decision.countsAt(now)) {
            return RunFormat.badge(
                    getTranslation("runpage.decision.expired", RunFormat.time(decision.expiresAt())), "contrast");
        }
        return RunFormat.badge(
                getTranslation("runpage.decision.valid", RunFormat.time(decision.expiresAt())), "success");
    }
}
