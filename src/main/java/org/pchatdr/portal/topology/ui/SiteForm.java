package org.pchatdr.portal.topology.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextField;
import org.pchatdr.portal.topology.TopologyValues.Kind;
import org.pchatdr.portal.topology.ui.DraftTopology.DraftSite;

/** A data center: its id, name and time zone. */
class SiteForm extends RecordForm<DraftSite> {

    private final TextField id = new TextField(getTranslation("editor.site.id"));
    private final TextField name = new TextField(getTranslation("editor.site.name"));
    private final ComboBox<String> timeZone = timeZone("site-time-zone", "editor.site.time-zone");

    SiteForm() {
        id.setId("site-id");
        required("id", id, Kind.IDENTIFIER, site -> site.id, (site, value) -> site.id = value);
        name.setId("site-name");
        required("name", name, Kind.NAME, site -> site.name, (site, value) -> site.name = value);
        zone("timeZone", timeZone, site -> site.timeZone, (site, value) -> site.timeZone = value);
        getContent().add(id, name, timeZone);
    }
}
