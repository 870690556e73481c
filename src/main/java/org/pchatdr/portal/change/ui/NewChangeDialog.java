package org.pchatdr.portal.change.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.pchatdr.portal.base.ui.ActionDialog;
import org.pchatdr.portal.change.ChangeDraft;
import org.pchatdr.portal.change.ChangeService;
import org.pchatdr.portal.change.ChangeTemplate;
import org.pchatdr.portal.change.ChangeType;
import org.pchatdr.portal.change.ChangeView;
import org.pchatdr.portal.change.RevisionView;
import org.pchatdr.portal.change.RiskLevel;
import org.pchatdr.portal.topology.TopologySummary;

/**
 * The new change request form: saved as a DRAFT, then the change page opens where it is submitted.
 * Every check is the service's (required plans, a window that parses, a saved version); a refusal
 * shows in the dialog and keeps what was typed. A STANDARD change names one of the usable
 * templates; the service refuses it as STANDARD on submit when its diff leaves the template.
 */
class NewChangeDialog extends ActionDialog {

    final Select<TopologySummary> topology = new Select<>();
    final IntegerField version = new IntegerField();

    NewChangeDialog(ChangeService changes, List<TopologySummary> topologies) {
        this(changes, topologies, new Fields(), null, null);
    }

    private NewChangeDialog(
            ChangeService changes,
            List<TopologySummary> topologies,
            Fields fields,
            ChangeView editing,
            java.util.function.Consumer<ChangeView> revised) {
        super(
                UI.getCurrent()
                        .getTranslation(
                                editing == null ? "changes.new.title" : "change.edit.title",
                                editing == null ? null : editing.id()),
                UI.getCurrent().getTranslation(editing == null ? "changes.new.save" : "change.edit.save"),
                editing == null
                        ? () -> fields.created.set(
                                changes.create(fields.draft()).id())
                        : () -> fields.saved.set(changes.revise(editing.id(), editing.revision(), fields.draft())),
                editing == null
                        ? () -> UI.getCurrent().navigate("changes/" + fields.created.get())
                        : () -> revised.accept(fields.saved.get()),
                fields.layout());
        setId(editing == null ? "new-change-dialog" : "edit-change-dialog");
        fields.bind(topology, version, topologies, changes.templates());
        if (editing != null) {
            fields.fill(editing);
        }
    }

    /**
     * The form of a new revision of {@code change}, filled with its current one: saving it is the
     * service's {@code revise} from the revision shown (stale: who changed it and when), and a change
     * of the window, plans or version voids the approvals.
     */
    static NewChangeDialog edit(
            ChangeService changes,
            ChangeView change,
            TopologySummary topology,
            java.util.function.Consumer<ChangeView> revised) {
        return new NewChangeDialog(changes, List.of(topology), new Fields(), change, revised);
    }

    /** Opens the form with the topology and the version to propose already chosen. */
    void propose(long topologyId, int number) {
        topology.getListDataView()
                .getItems()
                .filter(summary -> summary.id() == topologyId)
                .findFirst()
                .ifPresent(topology::setValue);
        version.setValue(number);
        open();
    }

    /** The inputs, built before the dialog so that its action can read them. */
    private static final class Fields {
        final AtomicLong created = new AtomicLong();
        final java.util.concurrent.atomic.AtomicReference<ChangeView> saved =
                new java.util.concurrent.atomic.AtomicReference<>();
        final TextField title = new TextField();
        final Select<ChangeType> type = new Select<>();
        final Select<ChangeTemplate> template = new Select<>();
        Select<TopologySummary> topology;
        IntegerField version;
        final TextArea justification = new TextArea();
        final Select<RiskLevel> risk = new Select<>();
        final TextArea implementation = new TextArea();
        final TextArea backout = new TextArea();
        final TextArea test = new TextArea();
        final DateTimePicker start = new DateTimePicker();
        final DateTimePicker end = new DateTimePicker();
        final TextField zone = new TextField();
        final FormLayout form = new FormLayout();

        FormLayout layout() {
            return form;
        }

        void bind(
                Select<TopologySummary> topology,
                IntegerField version,
                List<TopologySummary> topologies,
                List<ChangeTemplate> templates) {
            this.topology = topology;
            this.version = version;
            UI ui = UI.getCurrent();
            label(title, "change-form-title", "changes.column.title");
            label(type, "change-form-type", "changes.column.type");
            type.setItems(ChangeType.NORMAL, ChangeType.STANDARD, ChangeType.EMERGENCY);
            type.setItemLabelGenerator(value -> ui.getTranslation("change.type." + value));
            type.setValue(ChangeType.NORMAL);
            label(template, "change-form-template", "changes.new.template");
            // Only templates an ADMIN and an APPROVER both vouched for can carry a STANDARD change.
            template.setItems(templates.stream()
                    .filter(each -> each.approverApprovedBy() != null)
                    .toList());
            template.setItemLabelGenerator(ChangeTemplate::name);
            template.setVisible(false);
            type.addValueChangeListener(event -> template.setVisible(event.getValue() == ChangeType.STANDARD));
            label(topology, "change-form-topology", "changes.new.topology");
            topology.setItems(topologies);
            topology.setItemLabelGenerator(TopologySummary::name);
            label(version, "change-form-version", "changes.new.version");
            version.setMin(1);
            label(justification, "change-form-justification", "changes.new.justification");
            label(risk, "change-form-risk", "changes.new.declared-risk");
            risk.setItems(RiskLevel.values());
            risk.setItemLabelGenerator(value -> value == null
                    ? ui.getTranslation("changes.new.no-risk")
                    : ui.getTranslation("change.risk." + value));
            risk.setEmptySelectionAllowed(true);
            risk.setEmptySelectionCaption(ui.getTranslation("changes.new.no-risk"));
            label(implementation, "change-form-implementation", "change.plan.implementation");
            label(backout, "change-form-backout", "change.plan.backout");
            label(test, "change-form-test", "change.plan.test");
            label(start, "change-form-start", "changes.new.window-start");
            label(end, "change-form-end", "changes.new.window-end");
            label(zone, "change-form-zone", "changes.new.time-zone");
            zone.setHelperText(ui.getTranslation("changes.new.time-zone.help"));
            zone.setValue("UTC");
            form.add(
                    title,
                    type,
                    template,
                    topology,
                    version,
                    justification,
                    risk,
                    implementation,
                    backout,
                    test,
                    start,
                    end,
                    zone);
        }

        /** The current revision of {@code change}; its type and topology are kept by every revision. */
        void fill(ChangeView change) {
            RevisionView current = change.current();
            title.setValue(current.title());
            type.setValue(change.type());
            type.setReadOnly(true);
            if (change.templateId() != null) {
                template.getListDataView()
                        .getItems()
                        .filter(each -> each.id() == change.templateId())
                        .findFirst()
                        .ifPresent(template::setValue);
            }
            template.setReadOnly(true);
            topology.getListDataView().getItems().findFirst().ifPresent(topology::setValue);
            topology.setReadOnly(true);
            version.setValue(current.topologyVersion());
            justification.setValue(current.justification() == null ? "" : current.justification());
            risk.setValue(change.risk().declared());
            implementation.setValue(current.implementationPlan() == null ? "" : current.implementationPlan());
            backout.setValue(current.backoutPlan() == null ? "" : current.backoutPlan());
            test.setValue(current.testPlan() == null ? "" : current.testPlan());
            java.time.ZoneId zoneId = java.time.ZoneId.of(current.timeZone());
            start.setValue(LocalDateTime.ofInstant(current.windowStart(), zoneId));
            end.setValue(LocalDateTime.ofInstant(current.windowEnd(), zoneId));
            zone.setValue(current.timeZone());
        }

        /** The window is local to the zone typed (the service reads it so, decision 016). */
        ChangeDraft draft() {
            return new ChangeDraft(
                    title.getValue(),
                    type.getValue(),
                    topology.getValue() == null ? null : topology.getValue().id(),
                    version.getValue(),
                    justification.getValue(),
                    risk.getValue(),
                    implementation.getValue(),
                    backout.getValue(),
                    test.getValue(),
                    local(start.getValue()),
                    local(end.getValue()),
                    zone.getValue(),
                    type.getValue() == ChangeType.STANDARD && template.getValue() != null
                            ? template.getValue().id()
                            : null);
        }

        /** Gives {@code field} its id and its label, in the user's language. */
        private static <F extends Component & HasLabel> void label(F field, String id, String labelKey) {
            field.setId(id);
            field.setLabel(field.getTranslation(labelKey));
        }

        private static String local(LocalDateTime value) {
            return value == null ? null : value.toString();
        }
    }
}
