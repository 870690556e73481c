package org.pchatdr.portal.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.PortalTime;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 12: French pages have French widgets, French grammar and the portal's one time format. */
class FrenchEverywhereTest extends KaribuTest {

    @Autowired
    TopologyService topologies;

    @Test
    void theUploadWidgetSpeaksFrench() {
        signIn("french-uploader", Role.OPERATOR);
        navigate("topologies");
        chooseLanguage(Locale.FRENCH);

        Upload upload = _get(Upload.class);
        assertThat(upload.getI18n().getAddFiles().getOne()).isEqualTo("Choisir un fichier…");
        assertThat(upload.getI18n().getDropFiles().getOne()).isEqualTo("Déposez le fichier ici");
        assertThat(upload.getI18n().getError().getFileIsTooBig()).isEqualTo("Le fichier est trop volumineux.");
    }

    @Test
    void theWelcomeElidesBeforeAVowelAndNotBeforeAConsonant() {
        signIn("alice", Role.OPERATOR);
        navigate("");
        chooseLanguage(Locale.FRENCH);
        assertThat(_get(H2.class).getText()).isEqualTo("Connecté en tant qu’alice");

        signIn("bob", Role.OPERATOR);
        UI.getCurrent().getPage().reload();
        assertThat(_get(H2.class).getText()).isEqualTo("Connecté en tant que bob");
    }

    @Test
    void anAccentedVowelElidesTooButAnHDoesNot() {
        assertThat(Elision.of("Émile")).isEqualTo(1);
        assertThat(Elision.of("hugo")).isZero();
        assertThat(Elision.of("")).isZero();
    }

    @Test
    void countsAgreeWithTheirNumberInBothLanguages() {
        UI ui = UI.getCurrent();
        assertThat(ui.getTranslation(Locale.FRENCH, "topology.tab.rules", 0, 1))
                .isEqualTo("Règles (0 erreur, 1 avertissement)");
        assertThat(ui.getTranslation(Locale.FRENCH, "topology.tab.rules", 2, 3))
                .isEqualTo("Règles (2 erreurs, 3 avertissements)");
        assertThat(ui.getTranslation(Locale.ENGLISH, "topology.tab.rules", 0, 1))
                .isEqualTo("Rules (0 errors, 1 warning)");
        assertThat(ui.getTranslation(Locale.ENGLISH, "topology.tab.rules", 1, 1200))
                .isEqualTo("Rules (1 error, 1200 warnings)");
    }

    @Test
    void aCommentThePortalWroteReadsInTheReadersLanguage() {
        signIn("french-importer", Role.OPERATOR);
        long imported = topologies
                .create(Contoso.topology(), SystemComments.stored("topologies.import.comment"))
                .topologyId();
        long older =
                topologies.create(Contoso.topology(), "Imported from a file").topologyId();
        navigate("topologies");
        chooseLanguage(Locale.FRENCH);

        for (long id : new long[] {imported, older}) {
            navigate("topologies/" + id);
            assertThat(_find(Span.class))
                    .extracting(Span::getText)
                    .anySatisfy(text -> assertThat(text).contains("Importé depuis un fichier"))
                    .noneSatisfy(text -> assertThat(text).contains("Imported from a file"))
                    .noneSatisfy(text -> assertThat(text).contains("i18n:"));
        }
    }

    @Test
    void pickersShowTheTwentyFourHourClockAndIsoDatesInEnglishToo() {
        signIn("picker-operator", Role.OPERATOR);
        navigate("runs/new");

        DateTimePicker incident = _get(DateTimePicker.class, spec -> spec.withId("run-incident-at"));
        assertThat(incident.getLocale())
                .as("British English writes 24-hour times, American English does not")
                .isEqualTo(Locale.UK);
        assertThat(incident.getDatePickerI18n().getDateFormats()).startsWith("yyyy-MM-dd");
    }

    @Test
    void everyMomentIsWrittenOneWayWithItsZone() {
        assertThat(PortalTime.format(Instant.parse("2026-12-03T16:51:07.123456789Z")))
                .isEqualTo("2026-12-03 16:51:07 UTC");
        assertThat(PortalTime.format(null)).isEmpty();
    }
}
