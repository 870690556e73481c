package org.pchatdr.portal.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.base.ui.ActionNotices;
import org.pchatdr.portal.security.DirectoryMappingService;
import org.pchatdr.portal.security.GroupRoleMapping;

/**
 * The directory groups → roles mapping on the Settings page (issue 15): one row per group, any
 * role of {@link Role}; saving a group with no role removes it. Takes effect at each person's next
 * sign-in.
 */
class DirectoryMappingPanel extends VerticalLayout {

    private final DirectoryMappingService service;
    private final Grid<Map.Entry<String, Set<Role>>> grid = new Grid<>();
    private final TextField group = new TextField();
    private final CheckboxGroup<Role> roles = new CheckboxGroup<>();
    private GroupRoleMapping seen;

    DirectoryMappingPanel(DirectoryMappingService service) {
        this.service = service;
        setPadding(false);
        group.setLabel(getTranslation("settings.directory.group"));
        group.setId("directory-group");
        group.setPlaceholder("CN=PChat-DR-Approvers,OU=Groups,DC=contoso,DC=local");
        group.setWidth("40em");
        roles.setLabel(getTranslation("users.roles"));
        roles.setId("directory-roles");
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(role -> getTranslation("role." + role.name()));
        Button save = new Button(getTranslation("settings.directory.save"), click -> save());
        save.setId("save-directory-group");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("directory-mapping");
        grid.setAllRowsVisible(true);
        grid.addColumn(Map.Entry::getKey)
                .setHeader(getTranslation("settings.directory.group"))
                .setFlexGrow(3);
        grid.addColumn(entry -> entry.getValue().stream()
                        .sorted()
                        .map(role -> getTranslation("role." + role.name()))
                        .collect(Collectors.joining(", ")))
                .setHeader(getTranslation("users.roles"));
        grid.addComponentColumn(entry -> {
                    Button edit = new Button(getTranslation("settings.directory.edit"), click -> {
                        group.setValue(entry.getKey());
                        roles.setValue(entry.getValue());
                    });
                    edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                    return edit;
                })
                .setAutoWidth(true);
        add(
                new H3(getTranslation("settings.directory")),
                new Paragraph(getTranslation(
                        service.directoryEnabled()
                                ? "settings.directory.explanation"
                                : "settings.directory.not-configured")),
                grid,
                new HorizontalLayout(group, roles),
                save);
        show(service.mapping());
    }

    private void show(GroupRoleMapping mapping) {
        seen = mapping;
        grid.setItems(mapping.entries().entrySet().stream().toList());
    }

    private void save() {
        try {
            show(service.changeGroup(seen, group.getValue(), roles.getValue()));
            group.clear();
            roles.clear();
            ActionNotices.done(getTranslation("settings.saved"), 5000, Notification.Position.MIDDLE);
        } catch (PortalException e) {
            ActionNotices.refused(this, e, 5000);
        }
    }
}
