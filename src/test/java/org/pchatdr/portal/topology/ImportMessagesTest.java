package org.pchatdr.portal.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ImportMessagesTest {

    @Test
    void everyStructuralErrorKeyHasAnEnglishAndAFrenchText() {
        assertThat(ImportMessages.ENGLISH.stringPropertyNames()).containsAll(ImportKeys.ALL);
        assertThat(ImportMessages.FRENCH.stringPropertyNames()).containsAll(ImportKeys.ALL);
    }

    @Test
    void theBundleHoldsNoTextTheReaderNeverUses() {
        Set<String> importKeys = ImportMessages.ENGLISH.stringPropertyNames().stream()
                .filter(key -> key.startsWith("import."))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(importKeys).containsExactlyInAnyOrderElementsOf(ImportKeys.ALL);
    }

    @Test
    void frenchTextsAreTranslationsNotCopies() {
        for (String key : ImportKeys.ALL) {
            assertThat(ImportMessages.FRENCH.getProperty(key))
                    .as(key)
                    .isNotEqualTo(ImportMessages.ENGLISH.getProperty(key));
        }
    }

    @Test
    void aMessageShowsTheOffendingValueInBothLanguages() {
        StructuralError error = new StructuralError("sqlInstances[0].port", ImportKeys.PORT, List.of("70000"));

        assertThat(ImportMessages.english(error))
                .isEqualTo("“70000” is not a TCP port. Use a whole number from 1 to 65535.");
        assertThat(ImportMessages.french(error))
                .isEqualTo("«\u00a070000\u00a0» n’est pas un port TCP. Indiquez un nombre entier de 1 à 65535.");
    }

    @Test
    void aRefusedNameIsShownWithItsApostrophesAndTheReasonInBothLanguages() {
        StructuralError error = new StructuralError(
                "pools[0].logShipping.share",
                ImportKeys.SHARE_CHARACTER,
                List.of("\\\\fs01\\o'brien;logs", "o'brien;logs", ";", "U+003B"));

        assertThat(ImportMessages.english(error))
                .startsWith("“\\\\fs01\\o'brien;logs”: Windows refuses “;” (U+003B) in the share name “o'brien;logs”.")
                .contains("MS-FSCC 2.1.6");
        assertThat(ImportMessages.french(error))
                .startsWith("«\u00a0\\\\fs01\\o'brien;logs\u00a0»\u00a0: Windows refuse «\u00a0;\u00a0» (U+003B)")
                .contains("«\u00a0o'brien;logs\u00a0»");
    }

    @Test
    void backslashesOfPathsSurviveTheBundle() {
        StructuralError error = new StructuralError("pools[0].fileStore", ImportKeys.UNC_PATH, List.of("x"));

        assertThat(ImportMessages.english(error)).contains("\\\\server\\share\\folder");
        assertThat(ImportMessages.french(error)).contains("\\\\serveur\\partage\\dossier");
    }

    @Test
    void everyTextUsesArgumentsConsecutivelyFromZero() {
        for (String key : ImportKeys.ALL) {
            for (var bundle : List.of(ImportMessages.ENGLISH, ImportMessages.FRENCH)) {
                MessageFormat format = new MessageFormat(bundle.getProperty(key));
                int count = format.getFormatsByArgumentIndex().length;
                for (int index = 0; index < count; index++) {
                    assertThat(bundle.getProperty(key)).as(key).contains("{" + index + "}");
                }
            }
        }
    }
}
