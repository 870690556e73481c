package org.pchatdr.portal.procedure.generators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pchatdr.portal.procedure.Procedure;
import org.pchatdr.portal.procedure.ProcedureGenerator;
import org.pchatdr.portal.procedure.Quote;
import org.pchatdr.portal.topology.Topology;

/** A value that tries to end a string or an identifier stays inside its quotes; one that cannot be quoted is refused. */
class ConfigureQuotingTest {

    static final String INSTANCE = "PC'H]AT;--";
    static final String SHARE = "\\\\fs01\\o'brien];DROP DATABASE mgc;--";

    static Stream<ProcedureGenerator> generators() {
        return GeneratedProcedures.all().stream();
    }

    private static List<String> scripts(Procedure procedure) {
        return Stream.concat(
                        procedure.steps().stream()
                                .filter(step -> step.language() != Procedure.Language.NONE)
                                .map(Procedure.Step::script),
                        procedure.steps().stream().map(Procedure.Step::verify).filter(verify -> verify != null))
                .toList();
    }

    @ParameterizedTest
    @MethodSource("generators")
    void hostileNamesStayInsideTheirQuotes(ProcedureGenerator generator) {
        Topology topology = Hostile.contosoWith(INSTANCE, "sqlpc01.contoso.local", SHARE);
        Procedure procedure = GeneratedProcedures.of(generator, topology, Locale.ENGLISH);
        String all = String.join("\n", scripts(procedure));
        if (!(generator instanceof MirroringFailover) && !(generator instanceof ConfigureLogShippingFromMirror)) {
            assertThat(all).contains("PC''H]AT;--").doesNotContain("PC'H]AT");
        }
        for (String script : scripts(procedure)) {
            for (String line : script.split("\n")) {
                assertThat(line.chars().filter(c -> c == '\'').count() % 2)
                        .as("quotes balanced in %s", line)
                        .isZero();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("generators")
    void hostileSharesAreQuotedInTsqlAndPowerShell(ProcedureGenerator generator) {
        Topology topology = Hostile.contosoWith(INSTANCE, "sqlpc01.contoso.local", SHARE);
        String all = String.join("\n", scripts(GeneratedProcedures.of(generator, topology, Locale.ENGLISH)));
        if (generator instanceof ConfigureMirroring) {
            assertThat(all)
                    .contains("-FileShare '\\\\fs01\\o''brien];DROP DATABASE mgc;--'")
                    .contains("-SqlInstanceName 'PC''H]AT;--'");
        }
        if (generator instanceof ConfigureLogShipping) {
            assertThat(all).contains("@backup_share = N'\\\\fs01\\o''brien];DROP DATABASE mgc;--',");
        }
        assertThat(all).doesNotContain("o'brien");
    }

    @ParameterizedTest
    @MethodSource("generators")
    void aControlCharacterIsRefused(ProcedureGenerator generator) {
        Topology topology = Hostile.contosoWith("PCHAT", "sqlpc01.contoso.local\n;SHUTDOWN", "\\\\fs01\\share");
        assertThatThrownBy(() -> GeneratedProcedures.of(generator, topology, Locale.ENGLISH))
                .isInstanceOf(Quote.UnsafeValueException.class);
    }
}
