package org.pchatdr.portal.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Collections;
import java.util.List;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.base.Role;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The cockpit of the signed-in user's roles: the cards the features contribute as {@link
 * HomeSection}s for those roles (active runs, what waits on an approver, the audit chain, locked
 * users …), each once in their order, and below them the roles and what they let the user do. The
 * cards are made again when a live count of the navigation changes (an approval came in), so their
 * counts follow without a query of the page's own.
 */
@Route("")
@Menu(title = "nav.home", order = 0)
@PermitAll
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    private final List<HomeSection> sections;
    private final Div cards = new Div();

    HomeView(ObjectProvider<HomeSection> sections) {
        // In the roles' order, which the list of what each role can do follows.
        List<Role> roles = List.copyOf(CurrentUser.roles());
        this.sections = sections.orderedStream()
                .filter(section -> section.roles().isEmpty() || !Collections.disjoint(section.roles(), roles))
                .toList();
        add(new H2(getTranslation("home.welcome", CurrentUser.actor(), Elision.of(CurrentUser.actor()))));
        cards.setId("home-cards");
        cards.addClassName("home-cards");
        add(cards);
        showCards();
        BadgeCountChanged.listenWhileAttached(this, changed -> showCards());
        if (roles.isEmpty()) {
            add(new Paragraph(getTranslation("home.no-roles")));
            return;
        }
        add(new Paragraph(getTranslation("home.roles-intro")));
        UnorderedList list = new UnorderedList();
        list.setId("role-list");
        roles.forEach(role -> list.add(new ListItem(
                getTranslation("role." + role.name()) + " — " + getTranslation("role." + role.name() + ".can"))));
        add(list);
    }

    private void showCards() {
        cards.removeAll();
        sections.forEach(section -> section.create().ifPresent(cards::add));
        cards.setVisible(cards.getComponentCount() > 0);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.home") + " · " + getTranslation("app.title");
    }
}
