package org.pchatdr.portal.procedure.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import org.pchatdr.portal.topology.TopologyService;

/**
 * The same procedure as {@link ProcedureView}, without the portal's frame, selectors and copy
 * buttons: a page to print or save as PDF for the DR binder. Its own route rather than
 * {@code window.print()} on the normal page, because the app layout (drawer, header) and Vaadin's
 * components print badly and the printed copy should not depend on the screen's state.
 */
@Route(value = "topologies/:id/procedures/print", autoLayout = false)
@PermitAll
class ProcedurePrintView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final TopologyService topologies;
    private final ProcedureSource procedures;
    private String title = "";

    ProcedurePrintView(TopologyService topologies, ProcedureSource procedures) {
        this.topologies = topologies;
        this.procedures = procedures;
        addClassName("procedure-print");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        new ProcedureResolver(topologies, procedures).enter(event, this).ifPresent(this::showOutcome);
    }

    private void showOutcome(ProcedureResolver.Outcome outcome) {
        long id = outcome.version().topologyId();
        ProcedureQuery query = outcome.query();
        removeAll();
        Button print = new Button(
                getTranslation("procedure.ui.print-now"), click -> getElement().executeJs("window.print()"));
        print.setId("print-now");
        print.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        RouterLink back =
                new RouterLink(getTranslation("procedure.ui.back"), ProcedureView.class, ProcedureView.parameters(id));
        back.setQueryParameters(query.parameters());
        HorizontalLayout tools = new HorizontalLayout(print, back);
        tools.addClassName("no-print");
        tools.setAlignItems(HorizontalLayout.Alignment.CENTER);
        add(tools);
        switch (outcome) {
            case ProcedureResolver.Shown shown -> {
                title = ProcedureLabels.procedure(this, shown.procedure().procedure()) + " — "
                        + shown.procedure().pool();
                add(new ProcedureDocument(
                        shown.procedure(), shown.version(), shown.query().groupBySite(), false));
            }
            case ProcedureResolver.Unresolved unresolved ->
                message(getTranslation(unresolved.key(), unresolved.arguments()));
            case ProcedureResolver.NotPublished notPublished ->
                message(getTranslation(
                        "procedure.ui.not-published",
                        notPublished.version().topology().name()));
        }
    }

    private void message(String text) {
        Div message = new Div(text);
        message.setId("procedure-message");
        message.addClassName("procedure-problem");
        add(message);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
