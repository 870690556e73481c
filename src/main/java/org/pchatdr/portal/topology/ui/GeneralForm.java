package org.pchatdr.portal.topology.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.textfield.TextField;
import org.pchatdr.portal.topology.TopologyValues.Kind;

/** The topology's own values: its name. Every path outside the lists leads here. */
class GeneralForm extends RecordForm<DraftTopology> {

    private final TextField name = new TextField(getTranslation("editor.name"));

    GeneralForm() {
        name.setId("topology-name");
        name.setWidth("30em");
        required("name", name, Kind.NAME, topology -> topology.name, (topology, value) -> topology.name = value);
        getContent().add(name);
    }

    @Override
    protected Component field(String field) {
        return name;
    }
}
