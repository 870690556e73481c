package org.pchatdr.portal.base.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Arrays;
import java.util.List;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.base.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Tells the signed-in user who they are, which roles they hold and what those let them do, below
 * what the features' {@link HomeSection}s have to say (overdue ratifications …).
 */
@Route("")
@Menu(title = "nav.home", order = 0)
@PermitAll
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    HomeView(ObjectProvider<HomeSection> sections) {
        List<Role> roles = currentRoles();
        add(new H2(getTranslation("home.welcome", CurrentUser.actor(), Elision.of(CurrentUser.actor()))));
        sections.orderedStream().forEach(section -> section.create().ifPresent(this::add));
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
        add(new Paragraph(getTranslation("home.next")));
    }

    private static List<Role> currentRoles() {
        var authorities = SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
        return Arrays.stream(Role.values())
                .filter(role -> authorities.contains(role.authority()))
                .toList();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.home") + " · " + getTranslation("app.title");
    }
}
