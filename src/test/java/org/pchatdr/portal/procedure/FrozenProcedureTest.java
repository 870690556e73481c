package org.pchatdr.portal.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Topology;

/**
 * A run keeps its procedure frozen in every language, so that each reader sees it in their own;
 * runs frozen before kept one plain procedure and must read back exactly as they were.
 */
class FrozenProcedureTest {

    private static final Instant AT = Instant.parse("2026-12-03T02:00:00.123Z");

    private final Topology contoso = Contoso.topology();
    private final String pool = contoso.pools().getFirst().fqdn();

    private Procedure failover(Locale locale) {
        return Procedures.generate(
                contoso,
                new Procedure.TopologyRef(contoso.name(), 3, "ab".repeat(32)),
                pool,
                "site-failover",
                "unplanned",
                locale,
                AT);
    }

    private FrozenProcedure frozen() {
        Map<String, Procedure> languages = new LinkedHashMap<>();
        languages.put("en", failover(Locale.ENGLISH));
        languages.put("fr", failover(Locale.FRENCH));
        return FrozenProcedure.freeze(
                new FrozenProcedure.Facts(contoso.name(), 3, pool, 60, 15, Map.of("PAR", "Paris")), languages);
    }

    @Test
    void eachReaderGetsTheProcedureInTheirLanguageWithTheSameScripts() {
        FrozenProcedure thawed = FrozenProcedure.thaw(frozen().document());

        Procedure english = thawed.in(Locale.ENGLISH);
        Procedure french = thawed.in(Locale.FRENCH);

        assertThat(english).isEqualTo(failover(Locale.ENGLISH));
        assertThat(french).isEqualTo(failover(Locale.FRENCH));
        assertThat(french.steps().getFirst().title())
                .isNotEqualTo(english.steps().getFirst().title());
        assertThat(french.steps())
                .extracting(Procedure.Step::script)
                .isEqualTo(english.steps().stream().map(Procedure.Step::script).toList());
    }

    @Test
    void aLanguageNotFrozenFallsBackToEnglish() {
        assertThat(frozen().in(Locale.GERMAN)).isEqualTo(failover(Locale.ENGLISH));
    }

    @Test
    void theFactsOfThePoolComeBackWithTheDocumentAndItsHash() {
        FrozenProcedure original = frozen();

        FrozenProcedure thawed = FrozenProcedure.thaw(original.document());

        assertThat(thawed.facts()).isEqualTo(original.facts());
        assertThat(thawed.facts().rtoMinutes()).isEqualTo(60);
        assertThat(thawed.facts().siteName("PAR")).isEqualTo("Paris");
        assertThat(thawed.facts().siteName("LYO")).isEqualTo("LYO");
        assertThat(thawed.sha256()).isEqualTo(original.sha256()).hasSize(64);
        assertThat(thawed.languageCodes()).containsExactlyInAnyOrder("en", "fr");
    }

    @Test
    void aProcedureFrozenBeforeLanguagesWereKeptReadsBackUnchangedForEveryReader() {
        String before = ProcedureJson.write(failover(Locale.FRENCH));

        FrozenProcedure thawed = FrozenProcedure.thaw(before);

        assertThat(thawed.in(Locale.ENGLISH)).isEqualTo(failover(Locale.FRENCH));
        assertThat(thawed.in(Locale.FRENCH)).isEqualTo(failover(Locale.FRENCH));
        assertThat(thawed.document()).isEqualTo(before);
        assertThat(thawed.facts().topologyName()).isEqualTo(contoso.name());
        assertThat(thawed.facts().topologyVersion()).isEqualTo(3);
        assertThat(thawed.facts().rtoMinutes()).isNull();
        assertThat(thawed.facts().siteName("PAR")).isEqualTo("PAR");
    }

    @Test
    void somethingElseIsRefused() {
        assertThatThrownBy(() -> FrozenProcedure.thaw("{\"format\": \"" + FrozenProcedure.FORMAT + "\"}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FrozenProcedure.thaw("[1, 2]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FrozenProcedure.thaw(List.of().toString()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
