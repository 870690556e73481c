package org.pchatdr.portal;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunRequest;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/** Who may open which page, and what the navigation offers them. */
class RouteAccessTest extends KaribuTest {

    private static Long runId;
    private static Long topologyId;

    @Autowired
    TopologyService topologies;

    @Autowired
    RunService runs;

    /**
     * Where a user ends up when opening each page. {@code opens}: the page shows; {@code denied}:
     * Vaadin refuses the navigation and shows the portal's 403 page; {@code login}: the sign-in page shows instead; {@code home}:
     * the home page shows instead. {@code {run}} stands for the id of an existing run, {@code
     * {topology}} for that of its published topology. Every {@code @Route} has a row: {@link
     * #theMatrixHasARowForEveryRoute} fails when a page is added without one.
     */
    private static final String EXPECTATIONS = """
            page             | anonymous | OPERATOR | APPROVER | AUDITOR | ADMIN  | MANAGER
            /                | login     | opens    | opens    | opens   | opens  | opens
            /change-password | login     | opens    | opens    | opens   | opens  | opens
            /account/tokens  | login     | opens    | opens    | opens   | opens  | opens
            /topologies      | login     | opens    | opens    | opens   | opens  | opens
            /topologies/new  | login     | opens    | denied   | denied  | denied | denied
            /runs            | login     | opens    | opens    | opens   | opens  | opens
            /runs/new        | login     | opens    | denied   | denied  | denied | denied
            /approvals       | login     | denied   | opens    | denied  | denied | denied
            /admin/users     | login     | denied   | denied   | denied  | opens  | denied
            /admin/settings  | login     | denied   | denied   | denied  | opens  | denied
            /admin/approval-policies | login | denied | denied | denied | opens | denied
            /runs/{run}      | login     | opens    | opens    | opens   | opens  | opens
            /topologies/{topology}            | login | opens | opens  | opens  | opens  | opens
            /topologies/{topology}/edit       | login | opens | denied | denied | denied | denied
            /topologies/{topology}/procedures | login | opens | opens  | opens  | opens  | opens
            /topologies/{topology}/procedures/print | login | opens | opens | opens | opens | opens
            /audit           | login     | denied   | denied   | opens   | opens  | opens
            /reviews         | login     | denied   | denied   | opens   | opens  | opens
            /reviews/{run}   | login     | denied   | denied   | opens   | opens  | opens
            /login           | opens     | home     | home     | home    | home   | home
            /changes         | login     | opens    | opens    | opens   | opens  | opens
            /changes/{change} | login    | opens    | opens    | opens   | opens  | opens
            /change-templates | login    | opens    | opens    | opens   | opens  | opens
            /change-calendar | login     | opens    | opens    | opens   | opens  | opens
            /changes/{change}/evidence | login | denied | denied | opens | opens | opens
            /admin/backup    | login     | denied   | denied   | denied  | opens  | denied
            """;

    enum Outcome {
        OPENS,
        DENIED,
        LOGIN,
        HOME
    }

    /**
     * Where the signed-in person's account comes from (issue 15): a local account, the directory
     * (LDAP) or the OpenID provider, each with its own principal and its roles from its own path.
     */
    enum Source {
        LOCAL,
        LDAP,
        OIDC
    }

    /** Every cell of the matrix, for each source of account; anonymous once. */
    static Stream<Arguments> expectations() {
        List<String[]> rows = rows();
        String[] users = rows.getFirst();
        List<Arguments> cases = new ArrayList<>();
        for (String[] row : rows.subList(1, rows.size())) {
            for (int column = 1; column < row.length; column++) {
                Outcome outcome = Outcome.valueOf(row[column].toUpperCase(Locale.ROOT));
                if (users[column].equals("anonymous")) {
                    cases.add(Arguments.of(Source.LOCAL, users[column], row[0], outcome));
                } else {
                    for (Source source : Source.values()) {
                        cases.add(Arguments.of(source, users[column], row[0], outcome));
                    }
                }
            }
        }
        return cases.stream();
    }

    private static List<String[]> rows() {
        return EXPECTATIONS
                .lines()
                .map(line -> line.split("\\|"))
                .map(cells -> Arrays.stream(cells).map(String::strip).toArray(String[]::new))
                .toList();
    }

    /** The route template a row of the matrix stands for. */
    private static String template(String page) {
        return page.substring(1)
                .replace("{run}", ":id")
                .replace("{topology}", ":id")
                .replace("{change}", ":id");
    }

    @Test
    void theMatrixHasARowForEveryRoute() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Set<String> routes = new TreeSet<>();
        for (BeanDefinition view : scanner.findCandidateComponents("org.pchatdr.portal")) {
            Class<?> type = ClassUtils.resolveClassName(view.getBeanClassName(), null);
            routes.add(AnnotationUtils.findAnnotation(type, Route.class).value());
        }
        Set<String> inMatrix =
                rows().stream().skip(1).map(row -> template(row[0])).collect(Collectors.toCollection(TreeSet::new));

        assertThat(routes).as("routes found on the class path").hasSizeGreaterThanOrEqualTo(17);
        assertThat(inMatrix).as("pages in the route × role matrix").containsAll(routes);
    }

    @ParameterizedTest(name = "{1} ({0} account) opening {2}: {3}")
    @MethodSource("expectations")
    void eachPageOpensOnlyForTheRolesAllowedToSeeIt(Source source, String user, String page, Outcome outcome) {
        String template = template(page);
        // Who may open a change page does not depend on the change: an unknown one says so on the page.
        String route = page.contains("{run}")
                ? template.replace(":id", Long.toString(aRun()))
                : page.contains("{topology}")
                        ? template.replace(":id", Long.toString(aTopology()))
                        : template.replace(":id", "0");
        if (!user.equals("anonymous")) {
            Role role = Role.valueOf(user);
            String name = role.name().toLowerCase(Locale.ROOT);
            // One owner per name (decisions 018, 021): each source has its own people.
            switch (source) {
                case LOCAL -> signIn(name, role);
                case LDAP -> signInWithLdap("ldap-" + name, role);
                case OIDC -> signInWithOidc("oidc-" + name, role);
            }
        } else {
            signOut();
        }

        switch (outcome) {
            case OPENS -> {
                navigate(route);
                assertShows(route, template);
            }
            case DENIED -> assertRefused(route);
            case LOGIN -> {
                navigate(route);
                assertShows("login");
            }
            case HOME -> {
                navigate(route);
                assertShows("");
            }
        }
    }

    @ParameterizedTest(name = "{0} sees {1}")
    @CsvSource(delimiter = '|', textBlock = """
            OPERATOR | Home, Topologies, Runs, Changes, Change password, API tokens
            APPROVER | Home, Topologies, Runs, Changes, Approvals, Change password, API tokens
            AUDITOR  | Home, Topologies, Runs, Changes, Reviews, Audit trail, Change password, API tokens
            ADMIN    | Home, Topologies, Runs, Changes, Reviews, Audit trail, Users, Settings, Approval policies, Backup, Change password, API tokens
            MANAGER  | Home, Topologies, Runs, Changes, Reviews, Audit trail, Change password, API tokens
            """)
    void theNavigationListsExactlyThePagesTheRoleMayOpen(Role role, String entries) {
        signIn(role.name().toLowerCase(Locale.ROOT), role);
        navigate("");

        SideNav navigation = _get(SideNav.class, spec -> spec.withId("main-navigation"));

        assertThat(navigation.getItems()).extracting(SideNavItem::getLabel).containsExactly(entries.split(", "));
    }

    @Test
    void afterSigningOutTheSignInPageShowsInsteadOfProtectedPages() {
        signIn("auditor", Role.AUDITOR);
        navigate("audit");
        assertShows("audit");

        signOut();
        navigate("audit");

        assertShows("login");
    }

    /** Both the address and the page shown: an error page would keep the address. */
    private static void assertShows(String route) {
        assertShows(route, route);
    }

    private static void assertShows(String route, String template) {
        assertThat(currentPath()).isEqualTo(route);
        Route shown = AnnotationUtils.findAnnotation(NavigatorKt.getCurrentView(), Route.class);
        assertThat(shown).as("the page shown is a route").isNotNull();
        assertThat(shown.value()).isEqualTo(template);
    }

    /** A published topology made once for all the cases that open one of its pages. */
    private long aTopology() {
        if (topologyId == null) {
            signIn("route-editor", Role.OPERATOR);
            long topology = topologies.create(Contoso.topology(), null).topologyId();
            signIn("route-publisher", Role.APPROVER);
            topologies.publish(topology, 1);
            topologyId = topology;
        }
        return topologyId;
    }

    /** A run requested once for all the cases that open a run's page; the database outlives each test. */
    private long aRun() {
        if (runId == null) {
            long topology = aTopology();
            signIn("route-requester", Role.OPERATOR);
            runId = runs.request(
                            new RunRequest(
                                    topology,
                                    Contoso.topology().pools().getFirst().fqdn(),
                                    "site-failover",
                                    null,
                                    RunKind.DRILL,
                                    "route access",
                                    null),
                            Locale.ENGLISH)
                    .id();
        }
        return runId;
    }
}
