package org.pchatdr.portal.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.testsupport.Translations;

/** Every text a rule can produce is in the English and the French bundle, with its arguments. */
class RuleMessagesTest {

    private static final List<String> REFERENCE_IDS = Stream.concat(
                    IntStream.rangeClosed(1, 18).mapToObj(n -> "T-" + n), Stream.of("L-4"))
            .toList();

    private final Properties english = Translations.bundle("i18n/topology-rules.properties");
    private final Properties french = Translations.bundle("i18n/topology-rules_fr.properties");

    @Test
    void theRuleBookHoldsEveryRuleOfTheReferenceInItsOrder() {
        assertThat(RuleBook.rules()).extracting(TopologyRule::id).containsExactlyElementsOf(REFERENCE_IDS);
    }

    @Test
    void everyMessageCitesItsOwnRuleAndNoOther() {
        for (TopologyRule rule : RuleBook.rules()) {
            assertThat(rule.messages())
                    .as(rule.id())
                    .isNotEmpty()
                    .allSatisfy(message -> assertThat(message.key())
                            .startsWith("rule." + rule.id() + ".")
                            .matches("rule\\.[TL]-\\d+\\.[a-z]+(-[a-z]+)*"));
        }
        assertThat(allMessages()).extracting(Message::key).doesNotHaveDuplicates();
    }

    @Test
    void everyMessageIsInBothLanguagesWithItsNumberOfArguments() {
        for (Message message : allMessages()) {
            for (Properties bundle : List.of(english, french)) {
                String text = bundle.getProperty(message.key());
                String language = bundle == english ? "English" : "French";
                assertThat(text).as("%s %s", language, message.key()).isNotBlank();
                assertThat(text)
                        .as("%s %s writes ’, not '", language, message.key())
                        .doesNotContain("'");
                assertThat(new MessageFormat(text).getFormatsByArgumentIndex())
                        .as("arguments of %s %s", language, message.key())
                        .hasSize(message.arity());
                for (int argument = 0; argument < message.arity(); argument++) {
                    assertThat(text)
                            .as("%s %s shows argument %d", language, message.key(), argument)
                            .contains("{" + argument + "}");
                }
            }
        }
    }

    @Test
    void everyTextOfTheRulesBundleBelongsToARule() {
        List<String> keys = allMessages().stream().map(Message::key).toList();

        assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(french.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(keys);
    }

    private static List<Message> allMessages() {
        return RuleBook.rules().stream()
                .flatMap(rule -> rule.messages().stream())
                .toList();
    }
}
