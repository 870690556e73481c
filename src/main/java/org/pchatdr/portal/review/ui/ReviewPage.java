package org.pchatdr.portal.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.Roles;
import org.pchatdr.portal.base.ui.BoundedTextArea;
import org.pchatdr.portal.review.EvidenceService;
import org.pchatdr.portal.review.Finding;
import org.pchatdr.portal.review.ReviewDecision;
import org.pchatdr.portal.review.ReviewDecision.Outcome;
import org.pchatdr.portal.review.ReviewService;
import org.pchatdr.portal.review.ReviewView;
import org.pchatdr.portal.review.RunException;
import org.pchatdr.portal.review.TimelineEntry;

/**
 * The review of one ended run: the run as a timeline, RTO and RPO against the targets, each
 * exception with its disposition, the findings, and — for a manager who took no part in the run —
 * the sign-off. Shows exactly the buttons the review's {@code actions} allow.
 */
@Route(ReviewPage.PATH)
@RolesAllowed({Roles.MANAGER, Roles.AUDITOR, Roles.ADMIN})
class ReviewPage extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final String PATH = "reviews/:id";

    private final ReviewService reviews;
    private final EvidenceService evidence;
    private long runId;
    private final Map<String, TextArea> dispositions = new LinkedHashMap<>();
    private final List<ReviewDecision.NewFinding> newFindings = new ArrayList<>();

    ReviewPage(ReviewService reviews, EvidenceService evidence) {
        this.reviews = reviews;
        this.evidence = evidence;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            runId = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
            show(reviews.review(runId));
        } catch (NumberFormatException | PortalException e) {
            removeAll();
            add(new Paragraph(
                    e instanceof PortalException refusal
                            ? getTranslation(refusal.messageKey(), refusal.arguments())
                            : getTranslation(
                                    "error.review_not_found",
                                    event.getRouteParameters().get("id").orElse(""))));
        }
    }

    private void show(ReviewView review) {
        removeAll();
        dispositions.clear();
        newFindings.clear();
        H2 title = new H2(getTranslation("review.title", review.runId()));
        title.setId("review-title");
        Anchor runLink = new Anchor("runs/" + review.runId(), getTranslation("review.run-link"));
        runLink.setId("review-run-link");
        Paragraph summary = new Paragraph(getTranslation(
                "review.summary",
                getTranslation("run.kind." + review.kind().name()),
                getTranslation("run.state." + review.runState().name()),
                review.procedure() + (review.variant() == null ? "" : " (" + review.variant() + ")"),
                review.topologyVersion(),
                review.procedureSha256()));
        Paragraph status = new Paragraph(getTranslation(
                "review.status",
                getTranslation("review.state." + review.state().name()),
                ReviewFormat.time(review.dueAt())));
        status.setId("review-status");
        if (review.overdue()) {
            status.addClassName("run-warning");
        }
        add(title, new HorizontalLayout(runLink, evidenceLink(review.runId())), summary, status);
        if (review.decidedBy() != null) {
            Paragraph decided = new Paragraph(getTranslation(
                    "review.decided",
                    review.decidedBy(),
                    ReviewFormat.time(review.decidedAt()),
                    review.comment() == null ? "" : review.comment()));
            decided.setId("review-decided");
            add(decided);
        }
        add(objectives(review.objectives()), timeline(review), exceptions(review), findings(review));
        if (review.actions().contains("review/" + Outcome.SIGN_OFF.name())) {
            add(decision());
        }
    }

    private Anchor evidenceLink(long id) {
        java.util.Locale locale = getLocale();
        return EvidenceDownload.link(
                "review-evidence", getTranslation("evidence.download"), () -> evidence.runPack(id, locale));
    }

    private Div objectives(ReviewView.Objectives objectives) {
        Div block = new Div();
        block.setId("review-objectives");
        block.add(new H3(getTranslation("review.objectives")));
        Paragraph rto = new Paragraph(
                objectives.rtoAchievedSeconds() == null
                        ? getTranslation("review.rto.unknown")
                        : getTranslation(
                                "review.rto",
                                ReviewFormat.duration(objectives.rtoAchievedSeconds()),
                                target(objectives.rtoTargetMinutes(), objectives.withinRto())));
        rto.setId("review-rto");
        Paragraph rpo = new Paragraph(
                objectives.dataLossWindowSeconds() == null
                        ? getTranslation("review.rpo.none")
                        : getTranslation(
                                "review.rpo",
                                ReviewFormat.duration(objectives.dataLossWindowSeconds()),
                                target(objectives.rpoTargetMinutes(), objectives.withinRpo())));
        rpo.setId("review-rpo");
        block.add(rto, rpo);
        return block;
    }

    private String target(Integer minutes, Boolean within) {
        if (minutes == null) {
            return getTranslation("review.no-target");
        }
        return ReviewFormat.minutes(minutes) + " ("
                + getTranslation(Boolean.TRUE.equals(within) ? "review.within" : "review.over") + ")";
    }

    private Div timeline(ReviewView review) {
        Div block = new Div();
        block.add(new H3(getTranslation("review.timeline")));
        OrderedList list = new OrderedList();
        list.setId("review-timeline");
        for (TimelineEntry entry : review.timeline()) {
            ListItem item = new ListItem();
            String step = entry.step() == null ? "" : " " + getTranslation("review.timeline.step", entry.step());
            item.add(new Span(ReviewFormat.time(entry.at()) + " — " + (entry.who() == null ? "" : entry.who()) + " "
                    + getTranslation("review.what." + entry.what().name()) + step));
            if (entry.text() != null && !entry.text().isBlank()) {
                Pre text = new Pre(entry.text());
                text.addClassName("review-text");
                item.add(text);
            }
            list.add(item);
        }
        block.add(list);
        return block;
    }

    private Div exceptions(ReviewView review) {
        Div block = new Div();
        block.setId("review-exceptions");
        block.add(new H3(getTranslation("review.exceptions")));
        if (review.exceptions().isEmpty()) {
            block.add(new Paragraph(getTranslation("review.exceptions.none")));
            return block;
        }
        boolean deciding = review.actions().contains("review/" + Outcome.SIGN_OFF.name());
        UnorderedList list = new UnorderedList();
        for (RunException exception : review.exceptions()) {
            ListItem item = new ListItem();
            item.setId("review-exception-" + exception.code().replace(':', '-'));
            item.add(new Span(
                    getTranslation("review.exception." + exception.kind().name(), exception.step())));
            if (exception.disposed()) {
                item.add(new Div(getTranslation("review.disposed", exception.disposedBy(), exception.disposition())));
            } else if (deciding) {
                TextArea note = new BoundedTextArea(getTranslation("review.disposition"), ReviewService.MAX_TEXT);
                note.setId("disposition-" + exception.code().replace(':', '-'));
                note.setWidthFull();
                dispositions.put(exception.code(), note);
                item.add(note);
            }
            list.add(item);
        }
        block.add(list);
        return block;
    }

    private Div findings(ReviewView review) {
        Div block = new Div();
        block.setId("review-findings");
        block.add(new H3(getTranslation("review.findings")));
        if (review.findings().isEmpty()) {
            block.add(new Paragraph(getTranslation("review.findings.none")));
        }
        UnorderedList list = new UnorderedList();
        for (Finding finding : review.findings()) {
            ListItem item = new ListItem();
            item.setId("finding-" + finding.id());
            String state = !finding.open()
                    ? getTranslation("review.finding.closed", finding.closedBy(), finding.closeNote())
                    : finding.overdue()
                            ? getTranslation("review.finding.overdue", finding.due())
                            : getTranslation("review.finding.open", finding.due());
            item.add(new Span(getTranslation("review.finding.line", finding.title(), finding.owner()) + " · " + state));
            if (review.actions().contains("findings/" + finding.id() + "/close")) {
                TextField note = new TextField(getTranslation("review.finding.close-note"));
                note.setId("finding-" + finding.id() + "-note");
                Button close = new Button(getTranslation("review.finding.close"), click -> {
                    try {
                        reviews.closeFinding(finding.id(), note.getValue());
                        show(reviews.review(runId));
                    } catch (PortalException e) {
                        ReviewFormat.refused(this, e);
                    }
                });
                close.setId("finding-" + finding.id() + "-close");
                item.add(new HorizontalLayout(note, close));
            }
            list.add(item);
        }
        block.add(list);
        return block;
    }

    /** The form of the decision: new findings, a comment, sign off or return. */
    private Div decision() {
        Div block = new Div();
        block.setId("review-decision");
        UnorderedList added = new UnorderedList();
        added.setId("review-new-findings");
        TextField title = new TextField(getTranslation("review.finding.title"));
        title.setId("finding-title");
        title.setMaxLength(500);
        TextField owner = new TextField(getTranslation("review.finding.owner"));
        owner.setId("finding-owner");
        owner.setMaxLength(64);
        DatePicker due = new DatePicker(getTranslation("review.finding.due"));
        due.setId("finding-due");
        Button add = new Button(getTranslation("review.finding.add"), click -> {
            ReviewDecision.NewFinding finding =
                    new ReviewDecision.NewFinding(title.getValue(), owner.getValue(), due.getValue());
            newFindings.add(finding);
            added.add(new ListItem(getTranslation("review.finding.line", finding.title(), finding.owner()) + " · "
                    + getTranslation("review.finding.open", finding.due())));
            title.clear();
            owner.clear();
            due.clear();
        });
        add.setId("finding-add");
        TextArea comment = new BoundedTextArea(getTranslation("review.comment"), ReviewService.MAX_TEXT);
        comment.setId("review-comment");
        comment.setWidthFull();
        Button signOff = new Button(getTranslation("review.sign-off"), click -> decide(Outcome.SIGN_OFF, comment));
        signOff.setId("review-sign-off");
        signOff.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button giveBack = new Button(getTranslation("review.return"), click -> decide(Outcome.RETURN, comment));
        giveBack.setId("review-return");
        block.add(
                new H3(getTranslation("review.findings")),
                added,
                new HorizontalLayout(title, owner, due, add),
                comment,
                new HorizontalLayout(signOff, giveBack));
        return block;
    }

    private void decide(Outcome outcome, TextArea comment) {
        List<ReviewDecision.Disposition> notes = new ArrayList<>();
        dispositions.forEach((code, note) -> {
            if (!note.getValue().isBlank()) {
                notes.add(new ReviewDecision.Disposition(code, note.getValue()));
            }
        });
        try {
            reviews.decide(runId, new ReviewDecision(outcome, comment.getValue(), notes, newFindings));
            show(reviews.review(runId));
            com.vaadin.flow.component.notification.Notification.show(
                    getTranslation(outcome == Outcome.SIGN_OFF ? "review.signed-off" : "review.returned", runId));
        } catch (PortalException e) {
            ReviewFormat.refused(this, e);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("review.title", runId);
    }
}
