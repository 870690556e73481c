package org.pchatdr.portal.run.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.pchatdr.portal.approval.Approval;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.Roles;
import org.pchatdr.portal.base.ui.IdlePollingPause;
import org.pchatdr.portal.procedure.FrozenProcedure;
import org.pchatdr.portal.procedure.Procedure;
import org.pchatdr.portal.procedure.ui.ProcedureLabels;
import org.pchatdr.portal.run.RunAction;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunView;
import org.springframework.beans.factory.annotation.Value;

/**
 * One run, for everyone who may look: what it runs and why, the RTO clock, the approvals, the
 * data-loss gate and every step of the frozen procedure, with the actions the signed-in user may
 * take. Several people watch the same run, possibly through different portal instances, so the
 * page polls: every second it reads the run's version (a cheap query) and shows the run again only
 * when it moved; the clock moves on at every poll. Dialogs live outside the page's content, so a
 * refresh never loses what someone is typing. Polls are requests that would keep an idle session
 * alive for ever, so the page stops polling once nobody acted on it for the session timeout.
 */
@Route("runs/:id")
@RolesAllowed({Roles.OPERATOR, Roles.APPROVER, Roles.AUDITOR, Roles.ADMIN, Roles.MANAGER})
class RunDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int POLL_MILLIS = 1000;

    private final RunService runs;
    private final Clock clock;
    private final RunActions actions;
    private final Div content = new Div();
    private final IdlePollingPause paused;
    private Procedure procedure;
    private UnaryOperator<String> siteName;
    private RunView shown;
    private RtoClock rtoClock;
    private RunStepsPanel steps;
    private Integer scrolledTo;
    private boolean arrived;
    private Registration polling;
    private int pollIntervalBefore;

    RunDetailView(RunService runs, Clock clock, @Value("${server.servlet.session.timeout:30m}") Duration idleLimit) {
        this.runs = runs;
        this.clock = clock;
        this.actions = new RunActions(runs, () -> shown, this::acted, this::reload);
        addClassName("run-view");
        paused = new IdlePollingPause(
                clock, idleLimit, "runpage.live.paused", "runpage.live.resume", "resume-live", () -> {
                    startPolling();
                    reload();
                });
        paused.setId("live-paused");
        paused.addClassName("run-paused");
        content.setWidthFull();
        add(paused, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id;
        try {
            id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
        } catch (NumberFormatException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        RunView run;
        try {
            run = runs.run(id, getLocale());
        } catch (PortalException e) {
            event.rerouteToError(NotFoundException.class, getTranslation(e.messageKey(), e.arguments()));
            return;
        }
        // The procedure as frozen, in the reader's language, with the site names it was requested with.
        FrozenProcedure frozen = runs.frozenProcedure(id);
        procedure = frozen.in(getLocale());
        siteName = frozen.facts()::siteName;
        scrolledTo = null;
        arrived = true;
        acted(run);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        pollIntervalBefore = ui.getPollInterval();
        polling = ui.addPollListener(poll -> poll());
        startPolling();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        polling.remove();
        detachEvent.getUI().setPollInterval(pollIntervalBefore);
    }

    /** Someone may have changed the run: show it again if so, and move the clocks on anyway. */
    private void poll() {
        if (shown == null) {
            return;
        }
        if (paused.idle()) {
            getUI().ifPresent(ui -> ui.setPollInterval(pollIntervalBefore));
            paused.setVisible(true);
            return;
        }
        if (runs.version(shown.id()) != shown.version()) {
            reload();
        } else {
            Instant now = clock.instant();
            rtoClock.tick(now);
            steps.tick(now);
        }
    }

    private void startPolling() {
        paused.acted();
        paused.setVisible(false);
        getUI().ifPresent(ui -> ui.setPollInterval(POLL_MILLIS));
    }

    private void reload() {
        show(runs.run(shown.id(), getLocale()));
    }

    /** The run as the user's own action (or opening the page) left it: they are not idle. */
    private void acted(RunView run) {
        paused.acted();
        show(run);
    }

    private void show(RunView run) {
        shown = run;
        Instant now = clock.instant();
        RunAccess access = new RunAccess(run, CurrentUser.actor(), now);
        content.removeAll();
        rtoClock = new RtoClock(run, now);
        content.add(header(run, access));
        if (run.emergency() != null) {
            content.add(emergency(run, access));
        }
        if (run.state().isFinished()) {
            content.add(end(run));
        }
        Div panels = new Div(rtoClock, new ApprovalsPanel(run, access, actions, now));
        panels.addClassName("run-panels");
        content.add(panels);
        steps = new RunStepsPanel(run, procedure, siteName, access, actions, now);
        content.add(steps);
        scrollToCurrentStep();
    }

    /** Brings the step to do into view when it changes, not at every refresh: people read ahead. */
    private void scrollToCurrentStep() {
        Integer current = steps.currentStep().orElse(null);
        if (current != null && !current.equals(scrolledTo)) {
            steps.scrollToCurrent();
        } else if (current == null && arrived) {
            // The layout's content area keeps its scroll from the page left (a change request's run
            // list, say): with no step in turn, the page opens at its top, where the Start button is.
            getElement().executeJs("this.scrollIntoView()");
        }
        arrived = false;
        scrolledTo = current;
    }

    /**
     * The back link, the sticky bar and the run's facts, each a child of the page's content: a sticky
     * element stays only within its parent, and the content spans every step.
     */
    private Component[] header(RunView run, RunAccess access) {
        Anchor back = new Anchor("runs", getTranslation("runpage.back"));
        back.setId("back-to-runs");
        H2 title = new H2(
                getTranslation("runpage.title", run.id(), ProcedureLabels.title(this, run.procedure(), run.variant())));
        title.setId("run-title");
        Span state = RunFormat.stateBadge(this, run.state());
        state.setId("run-state");
        Span kind = RunFormat.kindBadge(this, run.kind());
        kind.setId("run-kind");
        Div heading = new Div(title, state, kind, rtoClock.compact());
        heading.addClassName("run-heading");
        // The state, the clock and what the run waits for from whom stay in view while scrolling.
        Div sticky = new Div(heading, next(run));
        sticky.setId("run-sticky");
        sticky.addClassName("run-sticky");

        Div facts = new Div(
                RunFormat.fact(this, "run.pool", run.pool(), "run-pool"),
                RunFormat.fact(
                        this,
                        "run.topology",
                        getTranslation("runpage.topology.value", run.topologyName(), run.topologyVersion()),
                        "run-topology"),
                sha(run.procedureSha256()),
                RunFormat.fact(
                        this,
                        "runpage.requested",
                        getTranslation("runpage.by-at", run.requestedBy(), RunFormat.time(run.requestedAt())),
                        "run-requested"));
        if (run.incidentAt() != null) {
            facts.add(RunFormat.fact(this, "runpage.incident", RunFormat.time(run.incidentAt()), "run-incident"));
        }
        if (run.startedAt() != null) {
            facts.add(RunFormat.fact(
                    this,
                    "runpage.started",
                    getTranslation("runpage.by-at", run.startedBy(), RunFormat.time(run.startedAt())),
                    "run-started"));
        }
        facts.addClassName("run-facts");
        Div reason = new Div(new Span(getTranslation("runpage.reason.label")), RunFormat.quote(this, run.reason()));
        reason.setId("run-reason");
        reason.addClassName("run-reason");

        Div header = new Div(facts, reason);
        header.setId("run-header");
        Component toolbar = toolbar(run, access);
        if (toolbar != null) {
            header.add(toolbar);
        }
        return new Component[] {back, sticky, header};
    }

    /**
     * What the run waits for and who must act, one line each, as the rulebook says it for everyone
     * (issue 12): "Waiting for 1 approval — any approver except alice", "Next: step 4 F-3 — alice".
     */
    private Component next(RunView run) {
        Div next = new Div();
        next.setId("run-next");
        next.addClassName("run-next");
        next.getElement().setAttribute("role", "status");
        for (RunView.Waiting waiting : run.waiting()) {
            Span line = new Span(getTranslation(
                    "runpage.next.line",
                    getTranslation(
                            "runpage.next." + waiting.need().name(), waiting.count(), stepLabel(run, waiting.step())),
                    who(waiting)));
            line.setId("run-next-" + waiting.need());
            next.add(line);
        }
        if (run.waiting().isEmpty()) {
            Span line = new Span(getTranslation("runpage.next.none"));
            line.setId("run-next-NONE");
            next.add(line);
        }
        return next;
    }

    /** "4 F-3": the step's number and its rule, as operators name steps. */
    private static String stepLabel(RunView run, int number) {
        return run.steps().stream()
                .filter(step -> step.number() == number)
                .findFirst()
                .map(step -> step.ruleId() == null ? String.valueOf(number) : number + " " + step.ruleId())
                .orElse(String.valueOf(number));
    }

    private String who(RunView.Waiting waiting) {
        if (waiting.lead() != null) {
            return waiting.lead();
        }
        String role = waiting.role().name();
        return waiting.except().isEmpty()
                ? getTranslation("runpage.who.any." + role)
                : getTranslation("runpage.who.any-except." + role, RunFormat.names(this, waiting.except()));
    }

    /** The first characters of the procedure's SHA-256; all of it on hover and through the copy button. */
    private Component sha(String sha256) {
        Span label = new Span(getTranslation("runpage.sha"));
        label.addClassName("run-fact-label");
        Span shortened = new Span(sha256.substring(0, 12) + "…");
        shortened.setId("run-sha");
        shortened.addClassName("run-sha");
        shortened.getElement().setAttribute("title", sha256);
        Button copy = new Button(VaadinIcon.COPY.create());
        copy.setId("copy-sha");
        copy.setAriaLabel(getTranslation("runpage.sha.copy"));
        copy.setTooltipText(getTranslation("runpage.sha.copy"));
        copy.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        copy.addClickListener(click -> copy.getElement().executeJs("return navigator.clipboard.writeText($0)", sha256));
        Div fact = new Div(label, shortened, copy);
        fact.addClassName("run-fact");
        return fact;
    }

    /** Start, emergency start, abort and fail: what the signed-in operator may do with the whole run. */
    private Component toolbar(RunView run, RunAccess access) {
        Div toolbar = new Div();
        toolbar.setId("run-actions");
        toolbar.addClassName("run-buttons");
        if (access.may(RunAction.START)) {
            Button start = actions.now(
                    RunAction.START,
                    0,
                    "start-run",
                    getTranslation("runpage.start"),
                    (runs, version) -> runs.start(run.id(), version));
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(start);
        }
        if (access.may(RunAction.EMERGENCY_START)) {
            Button emergency = actions.ask(
                            RunAction.EMERGENCY_START,
                            0,
                            "emergency-start",
                            "runpage.emergency.start",
                            "runpage.emergency.title")
                    .above(() -> {
                        Paragraph warning = new Paragraph(getTranslation("runpage.emergency.explanation"));
                        warning.addClassName("run-warning");
                        return warning;
                    })
                    .text(
                            "runpage.emergency.reason",
                            "emergency-reason",
                            true,
                            (runs, version, reason) -> runs.emergencyStart(run.id(), version, reason));
            emergency.setIcon(VaadinIcon.WARNING.create());
            emergency.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
            toolbar.add(emergency);
        }
        if (access.may(RunAction.FAIL)) {
            toolbar.add(actions.ask(RunAction.FAIL, 0, "fail-run", "runpage.fail", "runpage.fail.title")
                    .explained("runpage.fail.explanation")
                    .text(
                            "run.reason",
                            "fail-run-reason",
                            true,
                            (runs, version, reason) -> runs.fail(run.id(), version, reason)));
        }
        if (access.may(RunAction.ABORT)) {
            Button abort = actions.ask(RunAction.ABORT, 0, "abort-run", "runpage.abort", "runpage.abort.title")
                    .explained("runpage.abort.explanation")
                    .text(
                            "run.reason",
                            "abort-reason",
                            true,
                            (runs, version, reason) -> runs.abort(run.id(), version, reason));
            abort.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            toolbar.add(abort);
        }
        return toolbar.getComponentCount() == 0 ? null : toolbar;
    }

    /** An emergency start: who declared it and why, and its ratification, overdue in red. */
    private Component emergency(RunView run, RunAccess access) {
        RunView.Emergency emergency = run.emergency();
        Div panel = new Div();
        panel.setId("run-emergency");
        panel.addClassName("run-emergency");
        panel.add(
                new Span(getTranslation(
                        "runpage.emergency.declared", emergency.declaredBy(), RunFormat.time(emergency.declaredAt()))),
                RunFormat.quote(this, emergency.reason()));
        Paragraph ratification;
        if (!emergency.owed()) {
            ratification = new Paragraph(getTranslation(
                    "runpage.emergency.ratified",
                    RunFormat.names(this, ratifiers(run)),
                    RunFormat.time(emergency.ratifiedAt())));
        } else if (emergency.overdue()) {
            ratification =
                    new Paragraph(getTranslation("runpage.emergency.overdue", RunFormat.time(emergency.ratifyBy())));
            ratification.addClassName("run-overdue");
            ratification.getElement().setAttribute("role", "alert");
        } else {
            ratification =
                    new Paragraph(getTranslation("runpage.emergency.owed", RunFormat.time(emergency.ratifyBy())));
        }
        ratification.setId("ratification");
        panel.add(ratification);
        if (access.may(RunAction.RATIFY)) {
            Button ratify = actions.ask(RunAction.RATIFY, 0, "ratify", "runpage.ratify", "runpage.ratify.title")
                    .text(
                            "runpage.comment.optional",
                            "ratify-comment",
                            false,
                            (runs, version, comment) -> runs.ratify(run.id(), version, comment));
            ratify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            panel.add(ratify);
        }
        return panel;
    }

    /**
     * Whose approvals ratified the emergency start: the approvals in force when it was ratified,
     * given before the start or after it (the policy counts both).
     */
    private static List<String> ratifiers(RunView run) {
        Instant ratifiedAt = run.emergency().ratifiedAt();
        return run.approvals().decisions().stream()
                .filter(decision -> decision.decision() == Approval.Decision.APPROVED
                        && !decision.isWithdrawn()
                        && !decision.decidedAt().isAfter(ratifiedAt))
                .map(Approval::approver)
                .distinct()
                .toList();
    }

    /** How a finished run ended: who, when, why. The final RTO figure is on the clock. */
    private Component end(RunView run) {
        Div end = new Div(new Span(
                getTranslation("runpage.end." + run.state().name(), run.endedBy(), RunFormat.time(run.endedAt()))));
        if (run.endReason() != null) {
            end.add(RunFormat.quote(this, run.endReason()));
        }
        end.setId("run-end");
        end.addClassName("run-end");
        return end;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("runpage.page-title", shown == null ? "" : String.valueOf(shown.id())) + " · "
                + getTranslation("app.title");
    }
}
