package org.pchatdr.portal.run.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.pchatdr.portal.base.ui.Pickers;
import org.pchatdr.portal.run.RunAction;
import org.pchatdr.portal.run.RunView;

/**
 * The data-loss gate, on the step that recovers the backup database (F-4) and that it blocks: what it is,
 * the figures the operator recorded, the window they give against the pool's RPO target, and the
 * approver's written acceptance without which the recovery step cannot start.
 */
class DataLossPanel extends Div {

    DataLossPanel(RunView run, RunAccess access, RunActions actions) {
        RunView.DataLoss gate = run.dataLoss();
        setId("data-loss");
        addClassNames("run-panel", "run-gate");
        add(new H3(getTranslation("runpage.gate.title", gate.gateStep())));
        Paragraph explanation = new Paragraph(getTranslation("runpage.gate.explanation", gate.gateStep()));
        explanation.setId("data-loss-explanation");
        add(explanation);
        if (gate.waived()) {
            Paragraph waived = new Paragraph(getTranslation("runpage.gate.waived"));
            waived.setId("data-loss-waived");
            waived.addClassName("run-hint");
            add(waived);
            return;
        }
        if (gate.recordedAt() == null) {
            Paragraph nothing = new Paragraph(getTranslation("runpage.gate.not-recorded"));
            nothing.setId("data-loss-not-recorded");
            add(nothing);
        } else {
            add(figures(gate, "data-loss"));
        }
        if (gate.acceptedAt() != null) {
            Div accepted = new Div(
                    new Span(getTranslation(
                            "runpage.gate.accepted", gate.acceptedBy(), RunFormat.time(gate.acceptedAt()))),
                    RunFormat.quote(this, gate.acceptance()));
            accepted.setId("data-loss-accepted");
            add(accepted);
        } else if (gate.recordedAt() != null) {
            Paragraph waiting = new Paragraph(getTranslation("runpage.gate.waiting"));
            waiting.setId("data-loss-waiting");
            add(waiting);
        }
        Div buttons = new Div();
        buttons.addClassName("run-buttons");
        if (access.may(RunAction.RECORD_DATA_LOSS)) {
            buttons.add(actions.dialog(
                    RunAction.RECORD_DATA_LOSS,
                    0,
                    "record-data-loss",
                    getTranslation(gate.recordedAt() == null ? "runpage.gate.record" : "runpage.gate.correct"),
                    () -> recordForm(run)));
        }
        if (access.may(RunAction.ACCEPT_DATA_LOSS)) {
            var accept = actions.ask(
                            RunAction.ACCEPT_DATA_LOSS,
                            0,
                            "accept-data-loss",
                            "runpage.gate.accept",
                            "runpage.gate.accept.title")
                    .above(() -> figures(gate, "accept-figures"))
                    .text(
                            "runpage.gate.statement",
                            "data-loss-statement",
                            true,
                            (runs, version, statement) -> runs.acceptDataLoss(run.id(), version, statement));
            accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            buttons.add(accept);
        }
        if (buttons.getComponentCount() > 0) {
            add(buttons);
        }
    }

    /** The recorded figures; {@code ids} tells the panel's apart from the copy in the acceptance dialog. */
    private Component figures(RunView.DataLoss gate, String ids) {
        Div figures = new Div(
                RunFormat.fact(this, "runpage.gate.last-log", gate.lastLogBackup(), ids + "-last-log"),
                RunFormat.fact(
                        this, "runpage.gate.last-log-at", RunFormat.time(gate.lastLogBackupAt()), ids + "-last-log-at"),
                RunFormat.fact(
                        this, "runpage.gate.primary-lost-at", RunFormat.time(gate.primaryLostAt()), ids + "-lost-at"),
                RunFormat.fact(
                        this,
                        "runpage.gate.recorded",
                        getTranslation("runpage.by-at", gate.recordedBy(), RunFormat.time(gate.recordedAt())),
                        ids + "-recorded"));
        figures.addClassName("run-facts");
        return new Div(figures, windowText(gate.windowSeconds(), gate.rpoTargetMinutes(), ids));
    }

    /** The window against the RPO target, in words and colour. */
    private Component windowText(long seconds, Integer rpoMinutes, String ids) {
        Span window = new Span(getTranslation("runpage.gate.window", RunFormat.duration(this, seconds)));
        window.setId(ids + "-window");
        Span target = new Span(
                rpoMinutes == null
                        ? getTranslation("runpage.gate.no-rpo")
                        : getTranslation("runpage.gate.rpo", rpoMinutes));
        target.setId(ids + "-rpo");
        Div line = new Div(window, target);
        if (rpoMinutes != null) {
            boolean within = seconds <= rpoMinutes * 60L;
            Span verdict = RunFormat.badge(
                    getTranslation(within ? "runpage.gate.within" : "runpage.gate.over"), within ? "success" : "error");
            verdict.setId(ids + "-verdict");
            line.add(verdict);
        }
        line.addClassName("run-inline");
        return line;
    }

    /** The operator's figures; times typed in UTC, and the window shown as they are typed. */
    private RunActions.Form recordForm(RunView run) {
        RunView.DataLoss gate = run.dataLoss();
        TextField lastLog = new TextField(getTranslation("runpage.gate.last-log"));
        lastLog.setId("data-loss-last-log-field");
        lastLog.setWidthFull();
        lastLog.setRequiredIndicatorVisible(true);
        lastLog.setHelperText(getTranslation("runpage.gate.last-log.help"));
        // What the run already knows fills the form before anyone types (issue 12): the figures
        // recorded before, else the last_restored_file pasted at F-1 and the declared incident time.
        Optional<String> pasted =
                gate.lastLogBackup() == null ? RestoredLog.before(run.steps(), gate.gateStep()) : Optional.empty();
        String file = gate.lastLogBackup() != null ? gate.lastLogBackup() : pasted.orElse(null);
        Instant takenAt = gate.lastLogBackupAt() != null
                ? gate.lastLogBackupAt()
                : pasted.flatMap(RestoredLog::takenAt).orElse(null);
        Instant lost = gate.primaryLostAt() != null ? gate.primaryLostAt() : run.incidentAt();
        lastLog.setValue(file == null ? "" : file);
        DateTimePicker lastLogAt = utcPicker("runpage.gate.last-log-at", "data-loss-last-log-at-field", takenAt);
        DateTimePicker lostAt = utcPicker("runpage.gate.primary-lost-at", "data-loss-lost-at-field", lost);
        Paragraph prefilled = new Paragraph(getTranslation("runpage.gate.prefilled"));
        prefilled.setId("data-loss-prefilled");
        prefilled.addClassName("run-hint");
        prefilled.setVisible(gate.recordedAt() == null && (file != null || lost != null));
        Div preview = new Div();
        Runnable update = () -> {
            preview.removeAll();
            if (lastLogAt.getValue() != null
                    && lostAt.getValue() != null
                    && !lastLogAt.getValue().isAfter(lostAt.getValue())) {
                preview.add(windowText(
                        Duration.between(lastLogAt.getValue(), lostAt.getValue())
                                .toSeconds(),
                        gate.rpoTargetMinutes(),
                        "data-loss-preview"));
            }
        };
        lastLogAt.addValueChangeListener(change -> update.run());
        lostAt.addValueChangeListener(change -> update.run());
        update.run();
        return new RunActions.Form(
                getTranslation("runpage.gate.record.title", run.id()),
                getTranslation("runpage.gate.record.confirm"),
                (runs, version) -> runs.recordDataLoss(
                        run.id(), version, lastLog.getValue(), utc(lastLogAt.getValue()), utc(lostAt.getValue())),
                new Paragraph(getTranslation("runpage.gate.utc")),
                prefilled,
                lastLog,
                lastLogAt,
                lostAt,
                preview);
    }

    private DateTimePicker utcPicker(String labelKey, String id, Instant value) {
        DateTimePicker picker = Pickers.portalFormat(new DateTimePicker(getTranslation(labelKey)));
        picker.setId(id);
        picker.setStep(Duration.ofSeconds(1));
        picker.setRequiredIndicatorVisible(true);
        picker.setHelperText(getTranslation("runpage.gate.utc.short"));
        if (value != null) {
            picker.setValue(LocalDateTime.ofInstant(value, ZoneOffset.UTC));
        }
        return picker;
    }

    private static Instant utc(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
