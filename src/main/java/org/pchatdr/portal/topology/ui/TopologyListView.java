package org.pchatdr.portal.topology.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.pchatdr.portal.base.Roles;
import org.pchatdr.portal.base.ui.SystemComments;
import org.pchatdr.portal.topology.TopologyService;
import org.pchatdr.portal.topology.TopologySummary;

/** Every topology; operators import new ones here from a {@code pchat-dr-topology/1} file. */
@Route("topologies")
@Menu(title = "nav.topologies", order = 10)
@PermitAll
class TopologyListView extends VerticalLayout implements HasDynamicTitle {

    TopologyListView(TopologyService topologies, AuthenticationContext authentication) {
        setSizeFull();
        add(new H2(getTranslation("topologies.title")));
        if (authentication.hasRole(Roles.OPERATOR)) {
            Button wizard = new Button(
                    getTranslation("topologies.new-pool"),
                    click -> getUI().ifPresent(ui -> ui.navigate(NewPoolWizardView.class)));
            wizard.setId("new-pool");
            wizard.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(wizard, new Paragraph(getTranslation("topologies.import.hint")));
            add(new TopologyUpload(
                    "import-topology",
                    topology -> topologies.create(topology, SystemComments.stored("topologies.import.comment")),
                    saved -> getUI().ifPresent(ui -> ui.navigate(TopologyView.class, TopologyView.parameters(saved)))));
        }
        Grid<TopologySummary> grid = new Grid<>();
        grid.setId("topologies");
        grid.addColumn(TopologySummary::name)
                .setHeader(getTranslation("topologies.name"))
                .setSortProperty("name")
                .setFlexGrow(2);
        grid.addColumn(TopologySummary::latestVersion).setHeader(getTranslation("topologies.latest"));
        grid.addColumn(summary -> summary.publishedVersion() == null
                        ? getTranslation("topologies.not-published")
                        : "v" + summary.publishedVersion())
                .setHeader(getTranslation("topologies.published"));
        grid.addColumn(TopologySummary::createdBy).setHeader(getTranslation("topologies.created-by"));
        grid.setItemsPageable(pageable -> topologies.list(pageable).getContent());
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(
                TopologyView.class, TopologyView.parameters(click.getItem().id()))));
        add(grid);
        setFlexGrow(1, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("topologies.title") + " · " + getTranslation("app.title");
    }
}
