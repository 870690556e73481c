package org.pchatdr.portal.change.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
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
import org.pchatdr.portal.base.ui.BoundedTextArea;
import org.pchatdr.portal.change.ChangeService;
import org.pchatdr.portal.change.ChangeView;
import org.pchatdr.portal.change.Outcome;
import org.pchatdr.portal.change.RevisionView;
import org.pchatdr.portal.change.Risk;
import org.pchatdr.portal.topology.TopologyDiff;
import org.pchatdr.portal.topology.TopologyService;

/**
 * One change request: its current revision, the field-by-field diff it proposes, its risk and the
 * reasons, the window and conflicts, every revision, the approvals of each round with the revision
 * and hash they were given to, the review, and exactly the buttons its {@code actions} allow.
 */
@Route("changes/:id")
@PermitAll
class ChangeDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ChangeService changes;
    private final TopologyService topologies;
    private final TextArea comment = new BoundedTextArea("", ChangeService.MAX_COMMENT);
    private final Select<Outcome> outcome = new Select<>();
    private final DateTimePicker until = new DateTimePicker();
    private ChangeView shown;

    ChangeDetailView(ChangeService changes, TopologyService topologies) {
        this.changes = changes;
        this.topologies = topologies;
        comment.setId("change-comment");
        comment.setLabel(getTranslation("change.comment"));
        comment.setWidthFull();
        outcome.setId("change-outcome");
        outcome.setLabel(getTranslation("change.outcome"));
        outcome.setItems(Outcome.values());
        outcome.setItemLabelGenerator(value -> getTranslation("change.outcome." + value));
        until.setId("change-extend-until");
        until.setLabel(getTranslation("change.extend.until"));
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
        for (ChangeView.Extension extension : change.extensions()) {
            Paragraph extended = new Paragraph(getTranslation(
                    "change.extended",
                    ChangeFormat.time(extension.until()),
                    extension.grantedBy(),
                    ChangeFormat.time(extension.grantedAt()),
                    extension.reason()));
            extended.addClassName("change-extension");
            add(extended);
        }
        if (change.freezeOverride() != null) {
            Paragraph override = new Paragraph(getTranslation(
                    "change.freeze-overridden",
                    change.freezeOverride().by(),
                    ChangeFormat.time(change.freezeOverride().at()),
                    change.freezeOverride().reason()));
            override.setId("change-freeze-override");
            add(override);
        }
        add(risk(change.risk()));
        if (!change.conflicts().isEmpty()) {
            Paragraph conflicts =
                    new Paragraph(getTranslation("change.conflicts", String.join("; ", change.conflicts())));
            conflicts.setId("change-conflicts");
            add(conflicts);
        }
        if (change.sinceApproved() != null) {
            add(
                    new H3(getTranslation(
                            "change.section.since-approved",
                            change.sinceApproved().revision())),
                    changes(change.sinceApproved().changes(), "change-since-approved"));
        }
        add(new H3(getTranslation("change.section.diff")), changes(change.diff(), "change-diff"));
        add(new H3(getTranslation("change.section.plans")));
        add(new Pre(label("change.plan.implementation", current.implementationPlan())
                + label("change.plan.backout", current.backoutPlan())
                + label("change.plan.test", current.testPlan())));
        if (!change.runs().isEmpty()) {
            add(new H3(getTranslation("change.section.runs")), runs(change));
        }
        add(new H3(getTranslation("change.section.approvals", change.requiredApprovers())), approvals(change));
        add(new H3(getTranslation("change.section.revisions")), revisions(change));
        if (change.review() != null) {
            add(new H3(getTranslation("change.section.review")));
            Pre review = new Pre(
                    change.review().text() != null
                            ? change.review().text()
                            : change.review().draft());
            review.setId("change-review-text");
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

    private Component changes(java.util.List<TopologyDiff.Change> items, String id) {
        Grid<TopologyDiff.Change> grid = new Grid<>();
        grid.setId(id);
        grid.addColumn(TopologyDiff.Change::path)
                .setHeader(getTranslation("change.diff.path"))
                .setFlexGrow(2);
        grid.addColumn(each -> each.before() == null ? "—" : each.before())
                .setHeader(getTranslation("change.diff.before"));
        grid.addColumn(each -> each.after() == null ? "—" : each.after())
                .setHeader(getTranslation("change.diff.after"));
        grid.setItems(items);
        grid.setAllRowsVisible(true);
        return grid;
    }

    /** The configuration runs of the implementation, each linked to its run page. */
    private Component runs(ChangeView change) {
        UnorderedList list = new UnorderedList();
        list.setId("change-runs");
        for (ChangeView.ConfigurationRun run : change.runs()) {
            String what = getTranslation("procedure.name." + run.procedure()) + " · " + run.pool();
            if (run.runId() == null) {
                list.add(new ListItem(what + " · " + getTranslation("change.run.waiting")));
            } else {
                Anchor link = new Anchor("runs/" + run.runId(), getTranslation("runs.run", run.runId()));
                list.add(new ListItem(
                        link, new Span(" · " + what + " · " + getTranslation("run.state." + run.state()))));
            }
        }
        return list;
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
        if (change.actions().contains("edit")) {
            Button edit = new Button(
                    getTranslation("change.action.edit"),
                    click -> NewChangeDialog.edit(changes, shown, topologies.summary(shown.topologyId()), this::show)
                            .open());
            edit.setId("change-edit");
            buttons.add(edit);
        }
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
                case "extend" ->
                    seen -> changes.extend(
                            change.id(),
                            seen,
                            until.getValue() == null ? null : until.getValue().toString(),
                            comment.getValue());
                case "override-freeze" -> seen -> changes.overrideFreeze(change.id(), seen, comment.getValue());
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
        if (change.actions().contains("extend")) {
            // Local to the change's zone, as its window was typed.
            until.setHelperText(change.current().timeZone());
            section.add(until);
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
