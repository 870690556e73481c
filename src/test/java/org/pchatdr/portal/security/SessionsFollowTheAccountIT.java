package org.pchatdr.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatdr.portal.testsupport.TestAccounts.signIn;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.internal.PortalPrincipal;
import org.pchatdr.portal.security.internal.UserAccount;
import org.pchatdr.portal.security.internal.UserAccountRepository;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.pchatdr.portal.testsupport.PortalHttp;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Sessions follow the account (decision 015), over real HTTP with the requests an open browser tab
 * sends: the tab of an operator who is disabled, demoted or whose password is reset can do nothing
 * more, at once, even when the change was made by another instance of the portal.
 */
@IntegrationTest
class SessionsFollowTheAccountIT {

    private static final String NEW_PASSWORD = "Fresh-Own-Pass-42";

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService userAccounts;

    @Autowired
    UserAccountRepository repository;

    @Autowired
    UserAccountService service;

    @Autowired
    UserDetailsService userDetails;

    @Autowired
    JdbcTemplate jdbc;

    static int counter;
    String username;
    PortalHttp tabSession;

    @BeforeEach
    void operatorWithAnOpenTab() {
        username = "tab-operator" + ++counter;
        new TestAccounts(userAccounts).ensure(username, Role.OPERATOR);
        tabSession = signedInSession(username, TestAccounts.PASSWORD);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void disablingAnOperatorEndsHerOpenTabAtOnce() {
        PortalHttp.Tab tab = tabSession.openTab();
        assertThat(tab.navigate("").body()).contains("Signed in as " + username);

        asAdministrator(account -> service.setEnabled(account.getId(), account.getVersion(), false));

        assertEnded(tab);
    }

    @Test
    void takingARoleAwayEndsTheSessionsThatCarryIt() {
        PortalHttp.Tab tab = tabSession.openTab();
        assertThat(tab.navigate("").body()).contains("Signed in as " + username);

        asAdministrator(
                account -> service.changeRoles(account.getId(), account.getVersion(), EnumSet.of(Role.AUDITOR)));

        assertEnded(tab);
        PortalHttp again = signedInSession(username, TestAccounts.PASSWORD);
        assertThat(again.openTab().navigate("").body())
                .as("the next sign-in carries the new role")
                .contains("Signed in as " + username)
                .contains("Auditor — read everything")
                .doesNotContain("Operator — ");
    }

    @Test
    void resettingThePasswordEndsTheOpenSessions() {
        PortalHttp.Tab tab = tabSession.openTab();

        asAdministrator(account -> service.resetPassword(account.getId(), account.getVersion(), "Temporary-Reset-9"));

        assertEnded(tab);
    }

    @Test
    void aChangeCommittedByAnotherInstanceEndsTheSessionHereToo() {
        PortalHttp.Tab tab = tabSession.openTab();
        assertThat(tab.navigate("").body()).contains("Signed in as " + username);

        // What another instance's administrator commits: no event, no memory shared with this one.
        jdbc.update(
                "UPDATE app_user SET enabled = 0, session_generation = session_generation + 1 WHERE username = ?",
                username);

        assertEnded(tab);
    }

    @Test
    void changingOwnPasswordEndsOnlyTheOtherSessions() {
        PortalHttp.Tab otherTab = tabSession.openTab();
        var principal = (PortalPrincipal) userDetails.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));

        service.changeOwnPassword(TestAccounts.PASSWORD, NEW_PASSWORD);

        assertEnded(otherTab);
        var kept = (PortalPrincipal)
                SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        assertThat(kept.sessionGeneration())
                .as("the session the change was made from adopts the new generation")
                .isEqualTo(repository.findByUsername(username).orElseThrow().getSessionGeneration());
        assertThat(signedInSession(username, NEW_PASSWORD)
                        .openTab()
                        .navigate("")
                        .body())
                .contains("Signed in as " + username);
    }

    @Test
    void anUntouchedSessionStaysSignedIn() {
        PortalHttp.Tab tab = tabSession.openTab();
        String other = "bystander" + counter;
        new TestAccounts(userAccounts).ensure(other, Role.OPERATOR);
        UserAccount bystander = repository.findByUsername(other).orElseThrow();
        signIn("root", Role.ADMIN);
        service.setEnabled(bystander.getId(), bystander.getVersion(), false);

        assertThat(tab.navigate("").body()).contains("Signed in as " + username);
        assertThat(tabSession.get("/", null, null).statusCode()).isEqualTo(200);
    }

    private void assertEnded(PortalHttp.Tab tab) {
        HttpResponse<String> click = tab.navigate("");
        assertThat(click.body())
                .as("the open tab's next request")
                .contains("\"sessionExpired\":true")
                .doesNotContain("Signed in as");
        HttpResponse<String> page = tabSession.get("/", null, null);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    private void asAdministrator(java.util.function.Consumer<UserAccount> change) {
        signIn("root", Role.ADMIN);
        change.accept(repository.findByUsername(username).orElseThrow());
        TestAccounts.signOut();
    }

    private PortalHttp signedInSession(String user, String password) {
        PortalHttp http = new PortalHttp(port);
        HttpResponse<String> signedIn = http.signInThroughForm(user, password);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(http.get("/", null, null).statusCode()).isEqualTo(200);
        return http;
    }
}
