package org.pchatdr.portal.topology.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.function.SerializableRunnable;
import java.util.List;
import java.util.Optional;
import org.pchatdr.portal.topology.Topology.DatabaseKind;
import org.pchatdr.portal.topology.ui.DraftTopology.DraftDatabase;
import org.pchatdr.portal.topology.ui.DraftTopology.DraftPool;

/**
 * The pools tab: the pool shown (a choice when there are several), and its forms: the pool itself,
 * its servers, its databases, mirroring, log shipping and objectives. Adding or removing a pool
 * renders the editor again ({@code rerender}), showing the pool given.
 */
class PoolEditor extends Composite<VerticalLayout> {

    private final DraftTopology draft;
    private final Select<DraftPool> poolChoice = new Select<>();
    private PoolForm poolForm;
    private ServerList servers;
    private DatabaseForm chat;
    private DatabaseForm compliance;
    private final Checkbox complianceOn = new Checkbox();
    private MirroringForm mirroring;
    private LogShippingForm logShipping;
    private ObjectivesForm objectives;

    /**
     * @param forms receives every form made, for the editor to validate and refresh them
     * @param onEdit runs after every edit
     * @param rerender renders the editor again, showing the pool given
     */
    PoolEditor(
            DraftTopology draft,
            SerializableConsumer<RecordForm<?>> forms,
            SerializableRunnable onEdit,
            SerializableConsumer<DraftPool> rerender) {
        this.draft = draft;
        VerticalLayout content = getContent();
        content.setPadding(false);
        poolChoice.setId("pool-choice");
        poolChoice.setLabel(getTranslation("editor.pool.choose"));
        poolChoice.setItems(draft.pools);
        poolChoice.setItemLabelGenerator(pool -> pool.fqdn == null ? "" : pool.fqdn);
        poolChoice.setVisible(draft.pools.size() > 1);
        Button addPool = new Button(getTranslation("editor.pool.add"), click -> {
            DraftPool pool = DraftPool.empty();
            draft.pools.add(pool);
            rerender.accept(pool);
        });
        addPool.setId("add-pool");
        Button removePool = new Button(getTranslation("editor.pool.remove"), click -> {
            draft.pools.remove(poolChoice.getValue());
            rerender.accept(draft.pools.getFirst());
        });
        removePool.setId("remove-pool");
        removePool.setVisible(draft.pools.size() > 1);
        HorizontalLayout poolActions = new HorizontalLayout(poolChoice, addPool, removePool);
        poolActions.setAlignItems(FlexComponent.Alignment.BASELINE);
        content.add(poolActions);
        if (draft.pools.isEmpty()) {
            content.add(new Span(getTranslation("editor.pool.none")));
            return;
        }

        List<String> siteIds = draft.siteIds();
        List<String> instanceIds = draft.instanceIds();
        poolForm = new PoolForm(siteIds);
        servers = new ServerList(draft::siteIds, onEdit);
        chat = new DatabaseForm(DatabaseKind.CHAT, instanceIds);
        compliance = new DatabaseForm(DatabaseKind.COMPLIANCE, instanceIds);
        mirroring = new MirroringForm();
        logShipping = new LogShippingForm(instanceIds);
        objectives = new ObjectivesForm();
        for (RecordForm<?> form : List.of(poolForm, chat, compliance, mirroring, logShipping, objectives)) {
            form.onEdit(onEdit);
            forms.accept(form);
        }
        complianceOn.setLabel(getTranslation("editor.database.compliance"));
        complianceOn.setId("compliance-on");
        complianceOn.addValueChangeListener(change -> {
            if (!change.isFromClient() && change.getValue() == shown().isComplianceEnabled()) {
                return;
            }
            shown().setComplianceEnabled(change.getValue());
            showDatabases(shown());
            onEdit.run();
        });
        VerticalLayout databases = new VerticalLayout(new Span(getTranslation("editor.database.mgc")), chat);
        databases.setPadding(false);
        databases.add(complianceOn, compliance);

        content.add(poolForm, new H3(getTranslation("editor.pool.servers")), servers);
        content.add(new H3(getTranslation("editor.pool.databases")), databases);
        content.add(new H3(getTranslation("editor.pool.mirroring")), mirroring);
        content.add(new H3(getTranslation("editor.pool.log-shipping")), logShipping);
        content.add(new H3(getTranslation("editor.pool.objectives")), objectives);

        poolChoice.addValueChangeListener(change -> {
            if (change.getValue() != null) {
                show(change.getValue());
            }
        });
        poolChoice.setValue(draft.pools.getFirst());
    }

    void select(DraftPool pool) {
        poolChoice.setValue(pool);
    }

    /** The site choices changed: the server rows are made again (the forms refresh themselves). */
    void refreshChoices() {
        if (servers != null) {
            servers.refreshChoices();
        }
    }

    /**
     * Shows the pool, the row and the field a path of the format points at, and gives its component:
     * the field itself, the closest enclosing one, or the pool choice.
     */
    Component reveal(EditorPath at) {
        if (at.pool() < 0 || at.pool() >= draft.pools.size()) {
            return poolChoice;
        }
        DraftPool pool = draft.pools.get(at.pool());
        poolChoice.setValue(pool);
        return switch (at.list()) {
            case "servers" -> servers.reveal(at.item(), at.field());
            case "databases" -> database(pool, at.item()).fieldAt(at.field()).orElseThrow();
            default -> fieldOfPool(at.field());
        };
    }

    /** The {@code index}th database's form; {@code mgc}'s when there is no such database. */
    private DatabaseForm database(DraftPool pool, int index) {
        if (index < 0 || index >= pool.databases.size()) {
            return chat;
        }
        return pool.databases.get(index).kind == DatabaseKind.COMPLIANCE ? compliance : chat;
    }

    private Component fieldOfPool(String field) {
        int dot = field.indexOf('.');
        String head = dot < 0 ? field : field.substring(0, dot);
        String rest = dot < 0 ? "" : field.substring(dot + 1);
        var located = switch (head) {
            case "servers" -> Optional.<Component>of(servers.grid());
            case "mirroring" -> mirroring.fieldAt(rest);
            case "logShipping" -> logShipping.fieldAt(rest);
            case "objectives" -> objectives.fieldAt(rest);
            default -> poolForm.fieldAt(field);
        };
        return located.orElse(poolChoice);
    }

    private DraftPool shown() {
        return poolChoice.getValue();
    }

    private void show(DraftPool pool) {
        poolForm.setRecord(pool);
        mirroring.setRecord(pool.mirroring());
        logShipping.setRecord(pool.logShipping);
        objectives.setRecord(pool);
        servers.show(pool);
        showDatabases(pool);
    }

    private void showDatabases(DraftPool pool) {
        chat.setRecord(pool.database(DatabaseKind.CHAT));
        DraftDatabase complianceDatabase = pool.database(DatabaseKind.COMPLIANCE);
        compliance.setRecord(complianceDatabase);
        complianceOn.setValue(complianceDatabase != null);
        compliance.setVisible(complianceDatabase != null);
    }
}
