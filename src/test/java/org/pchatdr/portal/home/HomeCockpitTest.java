package org.pchatdr.portal.home;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.approval.ApprovalInbox;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.run.ui.RunFixtures;
import org.pchatdr.portal.security.internal.UserAccount;
import org.pchatdr.portal.security.internal.UserAccountRepository;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.pchatdr.portal.testsupport.MutableClock;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The home page as each role's cockpit (issue 12): the cards a role acts from, linking straight in.
 * The test database is shared with other tests, so the cards are checked for what each test made,
 * not for exact totals.
 */
class HomeCockpitTest extends KaribuTest {

    /**
     * Only to lock an account: locks come from failed sign-ins, which no service of the security
     * module offers to make (issue 17 keeps this one use of its repository).
     */
    @Autowired
    UserAccountRepository accounts;

    @Autowired
    TopologyService topologies;

    @Autowired
    RunService runs;

    @Autowired
    ApprovalInbox inbox;

    @Autowired
    MutableClock clock;

    @Test
    void anOperatorSeesRunsUnderWayWithTheirRtoClockAndNextStepAndCanStartAFailoverOfAPool() {
        RunFixtures fixtures = new RunFixtures(topologies, runs);
        long topology = fixtures.publishedContoso();
        RunView run = fixtures.request(
                topology, RunKind.DISASTER, "home-olga", clock.instant().minus(Duration.ofMinutes(5)));

        signIn("home-olga", Role.OPERATOR);
        navigate("");

        assertThat(cardIds()).containsSubsequence("home-active-runs", "home-pools");
        ListItem line = _get(ListItem.class, spec -> spec.withId("home-run-" + run.id()));
        assertThat(texts(line)).contains("Run " + run.id(), "Disaster", "Requested", " " + RunFixtures.POOL);
        assertThat(text("home-run-" + run.id() + "-rto")).isEqualTo("RTO clock 5 min 00 s of 60 min");
        assertThat(text("home-run-" + run.id() + "-next")).isEqualTo("Next: an approver approves the run");
        assertThat(_get(Anchor.class, spec -> spec.withId("home-active-runs-link"))
                        .getHref())
                .isEqualTo("runs");

        Anchor failover = _get(Anchor.class, spec -> spec.withId("home-failover-" + topology + "-" + RunFixtures.POOL));
        assertThat(failover.getText()).isEqualTo("Start a site failover");
        assertThat(((HasText) failover.getParent()
                                .orElseThrow()
                                .getChildren()
                                .findFirst()
                                .orElseThrow())
                        .getText())
                .isEqualTo(RunFixtures.POOL + " — Contoso production, version 1 published");

        navigate(failover.getHref().substring(0, failover.getHref().indexOf('?')), queryOf(failover.getHref()));
        assertThat(_get(Select.class, spec -> spec.withId("run-pool")).getValue())
                .isEqualTo(RunFixtures.POOL);
        assertThat(_get(Select.class, spec -> spec.withId("run-procedure")).getValue())
                .isEqualTo("site-failover");
    }

    @Test
    void anApproverSeesAPendingDisasterFirstThenWhatWaitsThenTheirRecentDecisions() {
        RunFixtures fixtures = new RunFixtures(topologies, runs);
        RunView disaster = fixtures.request(fixtures.publishedContoso(), RunKind.DISASTER, "home-oscar");

        signIn("home-carla", Role.APPROVER);
        int waiting = inbox.count();
        navigate("");

        assertThat(cardIds()).containsSubsequence("home-disasters", "home-inbox", "home-decisions");
        assertThat(cardIds().indexOf("home-disasters"))
                .as("the disaster card comes before every other card of the approver")
                .isLessThan(cardIds().indexOf("home-inbox"));
        Section disasters = _get(Section.class, spec -> spec.withId("home-disasters"));
        assertThat(disasters.getClassNames()).contains("home-card-urgent");
        assertThat(_find(Anchor.class, spec -> spec.withText("Run " + disaster.id())))
                .isNotEmpty();
        assertThat(text("home-inbox-figure")).isEqualTo(Integer.toString(waiting));
        assertThat(_get(Span.class, spec -> spec.withId("home-inbox-figure"))
                        .getElement()
                        .getAttribute("aria-label"))
                .isEqualTo(waiting == 1 ? "1 item waits on you" : waiting + " items wait on you");

        runs.approve(disaster.id(), disaster.version(), "go");
        navigate("runs");
        navigate("");

        Section decisions = _get(Section.class, spec -> spec.withId("home-decisions"));
        ListItem latest = (ListItem) decisions
                .getChildren()
                .skip(1)
                .findFirst()
                .orElseThrow()
                .getChildren()
                .findFirst()
                .orElseThrow()
                .getChildren()
                .findFirst()
                .orElseThrow();
        assertThat(texts(latest))
                .containsExactly("Run " + disaster.id(), " — your approval, on " + minute(clock.instant()));
    }

    @Test
    void anAuditorSeesRecentRunsAndTheAuditChainWhichTheyCanVerifyFromHome() {
        RunFixtures fixtures = new RunFixtures(topologies, runs);
        RunView run = fixtures.request(fixtures.publishedContoso(), RunKind.DRILL, "home-otto");

        signIn("home-erik", Role.AUDITOR);
        navigate("");

        assertThat(cardIds()).containsSubsequence("home-recent-runs", "home-audit-chain");
        ListItem line = _get(ListItem.class, spec -> spec.withId("home-recent-run-" + run.id()));
        assertThat(texts(line)).contains("Run " + run.id(), "Drill", "Requested");
        assertThat(_get(Anchor.class, spec -> spec.withId("home-audit-chain-link"))
                        .getHref())
                .isEqualTo("audit");

        _click(_get(Button.class, spec -> spec.withId("home-verify-chain")));
        assertThat(text("home-chain-state")).startsWith("Chain intact: ");

        navigate("runs");
        navigate("");
        assertThat(text("home-chain-state"))
                .isEqualTo("Intact when home-erik last verified it, on " + minute(clock.instant()) + ".");
    }

    @Test
    void anAdministratorSeesLockedAccountsApprovalPoliciesAndHealth() {
        givenAccount("home-locked-out", Role.OPERATOR);
        UserAccount locked = accounts.findByUsername("home-locked-out").orElseThrow();
        locked.lockUntil(clock.instant().plus(Duration.ofMinutes(15)));
        accounts.saveAndFlush(locked);

        signIn("home-ada", Role.ADMIN);
        navigate("");

        assertThat(cardIds()).containsSubsequence("home-locked-users", "home-policies", "home-health");
        assertThat(text("home-locked-home-locked-out"))
                .isEqualTo("home-locked-out, until " + minute(clock.instant().plus(Duration.ofMinutes(15))));
        assertThat(_get(Section.class, spec -> spec.withId("home-locked-users")).getClassNames())
                .contains("home-card-urgent");
        assertThat(_get(Anchor.class, spec -> spec.withId("home-locked-users-link"))
                        .getHref())
                .isEqualTo("admin/users");
        assertThat(texts(_get(Section.class, spec -> spec.withId("home-policies"))))
                .anySatisfy(policy -> assertThat(policy)
                        .matches("Disaster runs: (1 approver|\\d+ approvers) required, (none eligible|\\d+ eligible)"
                                + "(: cannot be satisfied)?"));
        assertThat(text("home-health-state")).isEqualTo("Every check is up (UP).");
    }

    @Test
    void aUserWithSeveralRolesSeesTheCardsOfEachRoleOnce() {
        signIn("home-all-roles", Role.OPERATOR, Role.APPROVER, Role.AUDITOR, Role.ADMIN);
        navigate("");

        List<String> cards = cardIds();
        assertThat(cards)
                .contains(
                        "home-inbox",
                        "home-decisions",
                        "home-active-runs",
                        "home-pools",
                        "home-recent-runs",
                        "home-audit-chain",
                        "home-locked-users",
                        "home-policies",
                        "home-health")
                .containsOnlyOnce("home-sample")
                .doesNotHaveDuplicates();

        signIn("home-approver-only", Role.APPROVER);
        navigate("runs");
        navigate("");
        assertThat(cardIds()).doesNotContain("home-active-runs", "home-sample", "home-locked-users");
    }

    @Test
    void theCockpitSpeaksFrenchWithPluralsFromTheMessageFormat() {
        givenAccount("home-verrouille", Role.OPERATOR);
        UserAccount locked = accounts.findByUsername("home-verrouille").orElseThrow();
        locked.lockUntil(clock.instant().plus(Duration.ofMinutes(15)));
        accounts.saveAndFlush(locked);
        new RunFixtures(topologies, runs).publishedContoso();
        signIn("home-adele", Role.ADMIN, Role.OPERATOR);
        chooseLanguage(Locale.FRENCH);
        navigate("");

        assertThat(_get(Anchor.class, spec -> spec.withId("home-locked-users-link"))
                        .getText())
                .isEqualTo("Comptes verrouillés");
        int lockedNow = Integer.parseInt(text("home-locked-users-figure"));
        assertThat(_get(Span.class, spec -> spec.withId("home-locked-users-figure"))
                        .getElement()
                        .getAttribute("aria-label"))
                .isEqualTo(lockedNow == 1 ? "1 compte verrouillé" : lockedNow + " comptes verrouillés");
        assertThat(texts(_get(Section.class, spec -> spec.withId("home-policies"))))
                .anySatisfy(policy -> assertThat(policy)
                        .matches("Déroulés de sinistre : (1 approbateur requis|\\d+ approbateurs requis),"
                                + " (aucun éligible|1 éligible|\\d+ éligibles)( : impossible à satisfaire)?"));
        assertThat(_find(Anchor.class, spec -> spec.withText("Lancer un basculement de site")))
                .isNotEmpty();
    }

    private static List<String> cardIds() {
        return _get(Div.class, spec -> spec.withId("home-cards"))
                .getChildren()
                .map(card -> card.getId().orElse(""))
                .toList();
    }

    private static String text(String id) {
        return ((HasText) _get(Component.class, spec -> spec.withId(id))).getText();
    }

    /** The texts of every leaf under {@code component}, in order. */
    private static List<String> texts(Component component) {
        if (component.getChildren().findAny().isEmpty()) {
            return component instanceof HasText hasText ? List.of(hasText.getText()) : List.of();
        }
        return component.getChildren().flatMap(child -> texts(child).stream()).collect(Collectors.toList());
    }

    private static String minute(Instant at) {
        return at.toString().substring(0, 16).replace('T', ' ') + " UTC";
    }

    private static com.vaadin.flow.router.QueryParameters queryOf(String href) {
        return com.vaadin.flow.router.QueryParameters.fromString(href.substring(href.indexOf('?') + 1));
    }
}
