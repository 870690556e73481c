package org.pchatdr.portal.change.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.Roles;
import org.pchatdr.portal.change.ChangeService;
import org.pchatdr.portal.change.ChangeTemplate;

/**
 * Standard-change templates (issue 13): an ADMIN writes one (and so vouches for it), an APPROVER
 * other than its author approves it, and only then may STANDARD changes use it. Everyone signed in
 * reads them. The service enforces who may do what; the page only hides what would be refused.
 */
@Route("change-templates")
@PermitAll
class ChangeTemplatesView extends VerticalLayout implements HasDynamicTitle {

    private final ChangeService changes;
    private final Grid<ChangeTemplate> grid = new Grid<>();
    private final Div error = new Div();

    ChangeTemplatesView(ChangeService changes, AuthenticationContext authentication) {
        this.changes = changes;
        setSizeFull();
        add(new H2(getTranslation("templates.title")), new Paragraph(getTranslation("templates.explanation")));
        error.setId("templates-error");
        error.addClassName("dialog-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        if (authentication.hasRole(Roles.ADMIN)) {
            add(form());
        }
        add(error);
        boolean approver = authentication.hasRole(Roles.APPROVER);
        String me = authentication.getPrincipalName().orElse("");
        grid.setId("templates");
        grid.addColumn(ChangeTemplate::name)
                .setHeader(getTranslation("templates.column.name"))
                .setFlexGrow(2);
        grid.addColumn(ChangeTemplate::fields)
                .setHeader(getTranslation("templates.column.fields"))
                .setFlexGrow(3);
        grid.addColumn(ChangeTemplate::createdBy).setHeader(getTranslation("templates.column.created-by"));
        grid.addColumn(template -> template.usable()
                        ? getTranslation("templates.usable", template.approverApprovedBy())
                        : getTranslation("templates.waiting"))
                .setHeader(getTranslation("templates.column.state"))
                .setFlexGrow(2);
        if (approver) {
            grid.addComponentColumn(template -> {
                        Button approve = new Button(
                                getTranslation("templates.approve"),
                                click -> act(() -> changes.approveTemplate(template.id())));
                        approve.setId("approve-template-" + template.id());
                        approve.addThemeVariants(ButtonVariant.LUMO_SMALL);
                        // The author already vouched as the ADMIN; the service refuses them too.
                        approve.setVisible(
                                !template.usable() && !template.createdBy().equals(me));
                        return approve;
                    })
                    .setKey("approve")
                    .setAutoWidth(true);
        }
        add(grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private VerticalLayout form() {
        TextField name = new TextField(getTranslation("templates.column.name"));
        name.setId("template-name");
        name.setWidthFull();
        TextArea fields = new TextArea(getTranslation("templates.column.fields"));
        fields.setId("template-fields");
        fields.setHelperText(getTranslation("templates.fields.help"));
        fields.setWidthFull();
        Button create = new Button(getTranslation("templates.create"), click -> {
            if (act(() -> changes.createTemplate(name.getValue(), fields.getValue()))) {
                name.clear();
                fields.clear();
            }
        });
        create.setId("create-template");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout form = new VerticalLayout(name, fields, create);
        form.setPadding(false);
        return form;
    }

    /** Runs a service call; a refusal shows translated above the list. True when it went through. */
    private boolean act(Runnable action) {
        try {
            action.run();
        } catch (PortalException e) {
            error.setText(getTranslation(e.messageKey(), e.arguments()));
            error.setVisible(true);
            return false;
        }
        error.setVisible(false);
        refresh();
        return true;
    }

    private void refresh() {
        grid.setItems(changes.templates());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("templates.title");
    }
}
