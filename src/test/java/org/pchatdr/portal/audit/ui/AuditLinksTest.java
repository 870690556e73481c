package org.pchatdr.portal.audit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.QueryParameters;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.audit.AuditEntry;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.security.UserSummary;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 14: a record's details link to its subject and, for administrators, to the user pages of
 * who acted and of the account the record is about; everyone else reads the names as text.
 */
class AuditLinksTest extends KaribuTest {

    private static final AtomicInteger SUBJECTS = new AtomicInteger();

    @Autowired
    private UserAccountService userAccounts;

    private String subject;

    @BeforeEach
    void anAdministratorCreatesAnAccount() {
        subject = "audit-linked-" + SUBJECTS.incrementAndGet();
        signIn("admin", Role.ADMIN);
        UserSummary created = userAccounts.createUser(subject, Set.of(Role.OPERATOR), "Temporary-Pass-123");
        userAccounts.changeRoles(created.id(), created.version(), Set.of(Role.MANAGER));
    }

    @Test
    void anAdministratorGoesFromARecordToThePagesOfWhoActedAndOfTheAccountItIsAbout() {
        signIn("admin", Role.ADMIN);
        openNewestRecordAbout(subject);

        assertThat(_get(Anchor.class, spec -> spec.withId("audit-details-actor"))
                        .getHref())
                .isEqualTo("admin/users?user=admin");
        assertThat(_get(Anchor.class, spec -> spec.withId("audit-details-user")).getHref())
                .isEqualTo("admin/users?user=" + subject);

        navigate("admin/users", QueryParameters.simple(java.util.Map.of("user", subject)));
        @SuppressWarnings("unchecked")
        Grid<UserSummary> users = _get(Grid.class, spec -> spec.withId("users"));
        assertThat(GridKt._size(users)).isEqualTo(1);
        assertThat(GridKt._get(users, 0).username()).isEqualTo(subject);
        assertThat(_get(Anchor.class, spec -> spec.withId("users-all")).isVisible())
                .isTrue();
    }

    @Test
    void aManagerReadsTheNamesWithoutLinksToPagesTheyMayNotOpen() {
        signIn("audit-manager", Role.MANAGER);
        openNewestRecordAbout(subject);

        assertThat(_find(Anchor.class, spec -> spec.withId("audit-details-actor")))
                .isEmpty();
        assertThat(_find(Anchor.class, spec -> spec.withId("audit-details-user")))
                .isEmpty();
        assertThat(_get(Div.class, spec -> spec.withId("audit-details"))
                        .getElement()
                        .getTextRecursively())
                .contains("Who: admin")
                .contains("User: " + subject);
    }

    private void openNewestRecordAbout(String target) {
        navigate("audit", QueryParameters.simple(java.util.Map.of("target", target)));
        @SuppressWarnings("unchecked")
        Grid<AuditEntry> grid = _get(Grid.class, spec -> spec.withId("audit-records"));
        assertThat(GridKt._get(grid, 0).action()).isEqualTo("ROLES_CHANGED");
        GridKt._clickItem(grid, 0);
    }
}
