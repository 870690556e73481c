package org.pchatdr.portal.run.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.util.Optional;
import org.pchatdr.portal.approval.Approval;
import org.pchatdr.portal.run.RunAction;
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
        approvals.decisions().forEach(decision -> decisions.add(decision(run, decision, access, actions, now)));
        if (approvals.decisions().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("runpage.approvals.none"));
            none.setId("no-decisions");
            decisions.add(none);
        }
        add(decisions);
        if (access.mayDecide()) {
            var approve = actions.ask(RunAction.APPROVE, 0, "approve", "runpage.approve", "runpage.approve.title")
                    .text(
                            "runpage.comment.optional",
                            "approve-comment",
                            false,
                            (runs, version, comment) -> runs.approve(run.id(), version, comment));
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
            var reject = actions.ask(RunAction.REJECT, 0, "reject", "runpage.reject", "runpage.reject.title")
                    .explained("runpage.reject.explanation")
                    .text(
                            "runpage.comment.reject",
                            "reject-comment",
                            true,
                            (runs, version, comment) -> runs.reject(run.id(), version, comment));
            reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
            Div buttons = new Div(approve, reject);
            buttons.addClassName("run-buttons");
            add(buttons);
        }
    }

    private Component decision(RunView run, Approval decision, RunAccess access, RunActions actions, Instant now) {
        long runId = run.id();
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
        status(decision, run.state().isFinished(), now).ifPresent(line::add);
        if (access.mayWithdraw(decision)) {
            line.add(actions.dialog(
                    RunAction.WITHDRAW,
                    0,
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

    /**
     * Whether the decision counts, and until when. Once the run is over an approval's validity
     * matters no more: a finished run shows no "counts until".
     */
    private Optional<Span> status(Approval decision, boolean runFinished, Instant now) {
        if (decision.isWithdrawn()) {
            return Optional.of(RunFormat.badge(
                    getTranslation("runpage.decision.withdrawn", RunFormat.time(decision.withdrawnAt())), "contrast"));
        }
        if (decision.decision() == Approval.Decision.REJECTED) {
            return Optional.of(RunFormat.badge(getTranslation("runpage.decision.standing"), "error"));
        }
        if (runFinished) {
            return Optional.empty();
        }
        if (!decision.countsAt(now)) {
            return Optional.of(RunFormat.badge(
                    getTranslation("runpage.decision.expired", RunFormat.time(decision.expiresAt())), "contrast"));
        }
        return Optional.of(RunFormat.badge(
                getTranslation("runpage.decision.valid", RunFormat.time(decision.expiresAt())), "success"));
    }
}
