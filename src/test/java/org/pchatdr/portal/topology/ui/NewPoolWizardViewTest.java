package org.pchatdr.portal.topology.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.pchatdr.portal.topology.Topology.SiteLink;
import org.pchatdr.portal.topology.TopologyService;
import org.pchatdr.portal.topology.TopologyVersion;
import org.springframework.beans.factory.annotation.Autowired;

class NewPoolWizardViewTest extends KaribuTest {

    @Autowired
    TopologyService topologies;

    @Test
    void anOperatorClicksThroughWithTheDefaultsAndLandsOnTheNewTopology() {
        signIn("wizard-op", Role.OPERATOR);
        navigate("topologies/new");

        for (int step = 1; step < NewPoolWizardView.STEPS; step++) {
            next();
        }
        assertThat(_get(Paragraph.class, spec -> spec.withId("wizard-rules-summary"))
                        .getText())
                .isEqualTo(
                        "No rule reports an error or a warning: the topology follows Microsoft’s documented layout.");
        assertThat(_find(Html.class))
                .anySatisfy(html -> assertThat(html.getInnerHtml())
                        .contains("pc01.contoso.local")
                        .contains("pc14.contoso.local"));
        _click(_get(Button.class, spec -> spec.withId("wizard-create")));

        assertThat(currentPath()).matches("topologies/\\d+");
        long id = Long.parseLong(currentPath().substring("topologies/".length()));
        assertThat(_get(Span.class, spec -> spec.withId("shown-version")).getText())
                .isEqualTo("Version 1 of 1");
        TopologyVersion saved = topologies.latest(id);
        assertThat(saved.hasErrors()).isFalse();
        assertThat(saved.comment()).isEqualTo("Created with the new stretched pool wizard");
        assertThat(saved.author()).isEqualTo("wizard-op");
        assertThat(saved.topology().pools().getFirst().servers()).hasSize(8);
    }

    @SuppressWarnings("unchecked")
    @Test
    void aLowBandwidthLinkShowsEveryServerOfTheSecondarySiteIdleInTheLayoutPreview() {
        signIn("wizard-op", Role.OPERATOR);
        navigate("topologies/new");
        fillIn(field("wizard-primary-name"), "Paris");
        fillIn(field("wizard-secondary-name"), "Lyon");
        next();

        fillIn(_get(RadioButtonGroup.class, spec -> spec.withId("wizard-site-link")), SiteLink.LOW_BANDWIDTH);

        Grid<?> preview = _get(Grid.class, spec -> spec.withId("wizard-layout-preview"));
        List<List<String>> rows = IntStream.range(0, GridKt._size(preview))
                .mapToObj(row -> GridKt._getFormattedRow(preview, row))
                .toList();
        assertThat(rows).hasSize(8);
        assertThat(rows.stream().filter(row -> row.get(0).startsWith("Lyon")))
                .hasSize(4)
                .allSatisfy(row -> assertThat(row.get(2)).isEqualTo("Idle"));
        assertThat(rows.stream().filter(row -> row.get(0).startsWith("Paris")))
                .hasSize(4)
                .allSatisfy(row -> assertThat(row.get(2)).isEqualTo("Active"));
        assertThat(_get(Paragraph.class, spec -> spec.withId("wizard-layout-explanation"))
                        .getText())
                .isEqualTo("Resulting layout: the 4 servers of Paris are active, the 4 servers of Lyon are idle.");

        fillIn(_get(RadioButtonGroup.class, spec -> spec.withId("wizard-site-link")), SiteLink.HIGH_BANDWIDTH);
        assertThat(GridKt._getFormattedRow(preview, 4)).containsExactly("Lyon (DC2)", "pc11.contoso.local", "Active");
    }

    @Test
    void anInvalidFqdnBlocksNextWithTheInlineMessage() {
        signIn("wizard-op", Role.OPERATOR);
        navigate("topologies/new");
        next();
        TextField pool = field("wizard-pool-fqdn");

        fillIn(pool, "pchat_contoso");
        next();

        assertThat(pool.isInvalid()).isTrue();
        assertThat(pool.getErrorMessage()).startsWith("“pchat_contoso” is not a fully qualified domain name.");
        assertThat(_get(Div.class, spec -> spec.withId("wizard-step-errors")).getText())
                .startsWith("Some values of this step are not valid.");
        _assertNone(Select.class, spec -> spec.withId("wizard-sql-version"));

        fillIn(pool, "pchat.contoso.local");
        next();
        _get(Select.class, spec -> spec.withId("wizard-sql-version"));
    }

    @Test
    void twoSitesWithTheSameIdAreRefusedBeforeTheSecondStep() {
        signIn("wizard-op", Role.OPERATOR);
        navigate("topologies/new");

        fillIn(field("wizard-secondary-id"), "dc1");
        next();

        assertThat(field("wizard-secondary-id").getErrorMessage())
                .isEqualTo("The two sites need different ids (letter case does not count).");
        _assertNone(TextField.class, spec -> spec.withId("wizard-pool-fqdn"));
    }

    @Test
    void goingBackKeepsTheTypedValues() {
        signIn("wizard-op", Role.OPERATOR);
        navigate("topologies/new");
        fillIn(field("wizard-deployment-name"), "Tailspin chat");
        fillIn(field("wizard-secondary-id"), "LYO");
        next();
        fillIn(field("wizard-pool-fqdn"), "chat.tailspin.local");
        fillIn(field("wizard-dns-domain"), "tailspin.local");
        next();

        back();
        assertThat(field("wizard-pool-fqdn").getValue()).isEqualTo("chat.tailspin.local");
        back();
        assertThat(field("wizard-deployment-name").getValue()).isEqualTo("Tailspin chat");
        assertThat(field("wizard-secondary-id").getValue()).isEqualTo("LYO");

        next();
        next();
        next();
        next();
        _click(_get(Button.class, spec -> spec.withId("wizard-create")));
        long id = Long.parseLong(currentPath().substring("topologies/".length()));
        var topology = topologies.latest(id).topology();
        assertThat(topology.name()).isEqualTo("Tailspin chat");
        assertThat(topology.pools().getFirst().fqdn()).isEqualTo("chat.tailspin.local");
        assertThat(topology.pools().getFirst().servers().getFirst().fqdn()).isEqualTo("pc01.tailspin.local");
        assertThat(topology.sites().get(1).id()).isEqualTo("LYO");
    }

    @Test
    void complianceWithoutAWitnessStillReviewsCleanAndIsSavedWithBothDatabases() {
        signIn("wizard-op", Role.OPERATOR);
        navigate("topologies/new");
        next();
        next();
        fillIn(_get(Checkbox.class, spec -> spec.withId("wizard-compliance")), true);
        fillIn(_get(Checkbox.class, spec -> spec.withId("wizard-witness")), false);
        next();
        next();

        assertThat(_get(Paragraph.class, spec -> spec.withId("wizard-rules-summary"))
                        .getText())
                .startsWith("No rule reports an error or a warning");
        _click(_get(Button.class, spec -> spec.withId("wizard-create")));
        long id = Long.parseLong(currentPath().substring("topologies/".length()));
        var pool = topologies.latest(id).topology().pools().getFirst();
        assertThat(pool.databases()).extracting(d -> d.name()).containsExactly("mgc", "mgccomp");
        assertThat(pool.databases()).allSatisfy(d -> assertThat(d.witness()).isNull());
    }

    @SuppressWarnings("unchecked")
    @Test
    void activeServersInAnotherTimeZoneAreFlaggedBeforeTheReview() {
        signIn("wizard-op", Role.OPERATOR);
        navigate("topologies/new");
        fillIn(_get(ComboBox.class, spec -> spec.withId("wizard-secondary-time-zone")), "Europe/London");
        next();

        assertThat(_get(Span.class, spec -> spec.withId("wizard-time-zone-hint"))
                        .getText())
                .contains("Europe/London")
                .contains("T-7");

        fillIn(_get(RadioButtonGroup.class, spec -> spec.withId("wizard-site-link")), SiteLink.LOW_BANDWIDTH);
        _assertNone(Span.class, spec -> spec.withId("wizard-time-zone-hint"));
    }

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"AUDITOR", "APPROVER"})
    void onlyOperatorsMayOpenTheWizard(Role role) {
        signIn("wizard-" + role.name().toLowerCase(Locale.ROOT), role);

        assertRefused("topologies/new");
    }

    @Test
    void theWizardSpeaksFrenchWhenFrenchIsChosen() {
        signIn("wizard-op", Role.OPERATOR);
        navigate("topologies/new");
        chooseLanguage(Locale.FRENCH);

        assertThat(_get(H2.class).getText()).isEqualTo("Nouveau pool étendu");
        assertThat(_get(Button.class, spec -> spec.withId("wizard-next")).getText())
                .isEqualTo("Suivant");
        assertThat(field("wizard-primary-name").getValue()).isEqualTo("Centre de données 1");
        next();
        TextField pool = field("wizard-pool-fqdn");
        fillIn(pool, "pchat_contoso");
        assertThat(pool.getErrorMessage()).contains("pchat_contoso").contains("n’est pas un nom de domaine complet");
        assertThat(_get(Span.class, spec -> spec.withId("wizard-step-2")).getText())
                .isEqualTo("2. Pool et liaison entre sites");
    }

    private static TextField field(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    private static void next() {
        _click(_get(Button.class, spec -> spec.withId("wizard-next")));
    }

    private static void back() {
        _click(_get(Button.class, spec -> spec.withId("wizard-back")));
    }

    @Test
    void theSharesFollowTheChosenDomainUnlessSomeoneTypedAnother() {
        signIn("wizard-op", Role.OPERATOR);
        navigate("topologies/new");
        next();
        fillIn(_get(TextField.class, spec -> spec.withId("wizard-dns-domain")), "fabrikam.com");
        next();
        next();

        assertThat(_get(TextField.class, spec -> spec.withId("wizard-log-shipping-share"))
                        .getValue())
                .isEqualTo("\\\\fs01.fabrikam.com\\pchat-logship");
        assertThat(_get(TextField.class, spec -> spec.withId("wizard-seed-share"))
                        .getValue())
                .isEqualTo("\\\\fs01.fabrikam.com\\pchat-mirror-seed");
        fillIn(_get(TextField.class, spec -> spec.withId("wizard-file-store")), "\\\\nas07.fabrikam.com\\chat-files");
        back();
        back();
        fillIn(_get(TextField.class, spec -> spec.withId("wizard-dns-domain")), "northwind.local");
        next();
        next();

        assertThat(_get(TextField.class, spec -> spec.withId("wizard-log-shipping-share"))
                        .getValue())
                .isEqualTo("\\\\fs01.northwind.local\\pchat-logship");
        assertThat(_get(TextField.class, spec -> spec.withId("wizard-file-store"))
                        .getValue())
                .isEqualTo("\\\\nas07.fabrikam.com\\chat-files");
    }
}
