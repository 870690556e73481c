package org.pchatdr.portal.change.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Collections;
import java.util.EnumSet;
import java.util.function.Function;
import org.pchatdr.portal.approval.Approval;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.change.ChangeService;
import org.pchatdr.portal.change.ChangeView;
import org.pchatdr.portal.change.Outcome;
import org.pchatdr.portal.change.RevisionView;
import org.pchatdr.portal.change.Risk;
import org.pchatdr.portal.topology.TopologyDiff;

/**
 * One change request: its current revision, the field-by-field diff it proposes, its risk and the
 * reasons, the window and conflicts, every revision, the approvals of each round with the revision
 * and hash they were given to, the review, and exactly the buttons its {@code actions} allow.
 */
@Route("changes/:id")
@PermitAll
class ChangeDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ChangeService changes;
    private final TextArea comment = new TextArea();
    private final Select<Outcome> outcome = new Select<>();
    private ChangeView shown;

    ChangeDetailView(ChangeService changes) {
        this.changes = changes;
        comment.setId("change-comment");
        comment.setLabel(getTranslation("change.comment"));
        comment.setWidthFull();
        outcome.setId("change-outcome");
        outcome.setLabel(getTranslation("change.outcome"));
        outcome.setItems(Outcome.values());
        outcome.setItemLabelGenerator(value -> getTranslation("change.outcome." + value));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            show(changes.change(
                    Long.parseLong(event.getRouteParameters().get("id").orElse(""))));
        } catch (NumberFormatException | PortalException e) {
            removeAll();
            add(new Paragraph(getTranslation("change.not-found")));
        }
    }

    private void show(ChangeView change) {
        this.shown = change;
        removeAll();
        RevisionView current = change.current();
        add(new H2(getTranslation("change.title", change.id()) + " · " + current.title()));
        // Issue 14: those who may export evidence reach the request's signed pack by its address.
        if (!Collections.disjoint(CurrentUser.roles(), EnumSet.of(Role.MANAGER, Role.AUDITOR, Role.ADMIN))) {
            Anchor evidence = new Anchor("changes/" + change.id() + "/evidence", getTranslation("change.evidence"));
            evidence.setId("change-evidence");
            add(evidence);
        }
        Span state = new Span(getTranslation("change.state." + change.state()));
        state.setId("change-state");
        add(new HorizontalLayout(
                state,
                new Span(getTranslation("change.type." + change.type())),
                new Span(getTranslation(
                        "change.revision",
                        change.revision(),
                        change.contentHash().substring(0, 12)))));
        add(new Paragraph(change.topologyName() + " · " + getTranslation("change.proposes", current.topologyVersion())
                + " · " + String.join(", ", current.pools())));
        add(new Paragraph(getTranslation(
                "change.window",
                ChangeFormat.time(current.windowStart()),
                ChangeFormat.time(current.windowEnd()),
                current.timeZone())));
        add(risk(change.risk()));
        if (!change.conflicts().isEmpty()) {
            Paragraph conflicts =
                    new Paragraph(getTranslation("change.conflicts", String.join("; ", change.conflicts())));
            conflicts.setId("change-conflicts");
            add(conflicts);
        }
        add(new H3(getTranslation("change.section.diff")), diff(change));
        add(new H3(getTranslation("change.section.plans")));
        add(new Pre(label("change.plan.implementation", current.implementationPlan())
                + label("change.plan.backout", current.backoutPlan())
                + label("change.plan.test", current.testPlan())));
        add(new H3(getTranslation("change.section.approvals", change.requiredApprovers())), approvals(change));
        add(new H3(getTranslation("change.section.revisions")), revisions(change));
        if (change.review() != null) {
            add(new H3(getTranslation("change.section.review")));
            Pre review = new Pre(
                    change.review().text() != null
                            ? change.review().text()
                            : change.review().draft());
            review.setId("change-review");
            add(review);
        }
        add(actions(change));
    }

    private String label(String key, String text) {
        return getTranslation(key) + ": " + (text == null ? "—" : text) + "\n";
    }

    private Component risk(Risk risk) {
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        Span effective = new Span(getTranslation(
                "change.risk",
                getTranslation("change.risk." + risk.effective()),
                getTranslation("change.risk." + risk.computed()),
                risk.declared() == null ? "—" : getTranslation("change.risk." + risk.declared())));
        effective.setId("change-risk");
        UnorderedList reasons = new UnorderedList();
        reasons.setId("change-risk-reasons");
        for (Risk.Reason reason : risk.reasons()) {
            reasons.add(new ListItem(getTranslation("change.risk." + reason.level()) + " · "
                    + getTranslation("change.reason." + reason.code()) + " · " + reason.path()));
        }
        section.add(effective, reasons);
        return section;
    }

    private Component diff(ChangeView change) {
        Grid<TopologyDiff.Change> grid = new Grid<>();
        grid.setId("change-diff");
        grid.addColumn(TopologyDiff.Change::path)
                .setHeader(getTranslation("change.diff.path"))
                .setFlexGrow(2);
        grid.addColumn(each -> each.before() == null ? "—" : each.before())
                .setHeader(getTranslation("change.diff.before"));
        grid.addColumn(each -> each.after() == null ? "—" : each.after())
                .setHeader(getTranslation("change.diff.after"));
        grid.setItems(change.diff());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Component approvals(ChangeView change) {
        UnorderedList rounds = new UnorderedList();
        rounds.setId("change-approvals");
        for (ChangeView.RoundApprovals round : change.approvals()) {
            for (Approval decision : round.decisions()) {
                rounds.add(new ListItem(getTranslation(
                        round.current() ? "change.approval.current" : "change.approval.voided",
                        decision.approver(),
                        getTranslation("change.decision." + decision.decision()),
                        round.revision(),
                        round.contentHash().substring(0, 12),
                        ChangeFormat.time(decision.decidedAt()))));
            }
        }
        return rounds;
    }

    private Component revisions(ChangeView change) {
        Grid<RevisionView> grid = new Grid<>();
        grid.setId("change-revisions");
        grid.addColumn(RevisionView::number).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(RevisionView::title)
                .setHeader(getTranslation("changes.column.title"))
                .setFlexGrow(2);
        grid.addColumn(RevisionView::author).setHeader(getTranslation("change.revision.author"));
        grid.addColumn(revision -> ChangeFormat.time(revision.createdAt()))
                .setHeader(getTranslation("change.revision.at"));
        grid.addColumn(revision -> revision.contentHash().substring(0, 12))
                .setHeader(getTranslation("change.revision.hash"));
        grid.setItems(changes.revisions(change.id()));
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Component actions(ChangeView change) {
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.setId("change-actions");
        buttons.setWrap(true);
        boolean needsText = false;
        for (String action : change.actions()) {
            Function<Integer, ChangeView> call = switch (action) {
                case "submit" -> seen -> changes.submit(change.id(), seen);
                case "approve" -> seen -> changes.approve(change.id(), seen, comment.getValue());
                case "reject" -> seen -> changes.reject(change.id(), seen, comment.getValue());
                case "cancel" -> seen -> changes.cancel(change.id(), seen, comment.getValue());
                case "start" -> seen -> changes.start(change.id(), seen);
                case "complete" -> seen -> changes.complete(change.id(), seen, outcome.getValue(), comment.getValue());
                case "review" -> seen -> changes.review(change.id(), seen, comment.getValue());
                case "close" -> seen -> changes.close(change.id(), seen);
                default -> null;
            };
            if (call == null) {
                continue;
            }
            needsText |= !action.equals("submit") && !action.equals("start") && !action.equals("close");
            Button button = new Button(getTranslation("change.action." + action), click -> act(call));
            button.setId("change-" + action);
            buttons.add(button);
        }
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        if (needsText) {
            section.add(comment);
        }
        if (change.actions().contains("complete")) {
            section.add(outcome);
        }
        section.add(buttons);
        return section;
    }

    private void act(Function<Integer, ChangeView> call) {
        try {
            show(call.apply(shown.revision()));
            comment.clear();
        } catch (PortalException e) {
            Notification.show(getTranslation(e.messageKey(), e.arguments()));
        }
    }

    @Override
    public String getPageTitle() {
        return shown == null ? getTranslation("changes.title") : getTranslation("change.title", shown.id());
    }
}
