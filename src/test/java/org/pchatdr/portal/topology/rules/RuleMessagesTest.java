package org.pchatdr.portal.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text a rule can produce is in the English and the French bundle, with its arguments. */
class RuleMessagesTest {

    private static final List<String> REFERENCE_IDS = Stream.concat(
                    IntStream.rangeClosed(1, 18).mapToObj(n -> "T-" + n), Stream.of("L-4"))
            .toList();

    private final Properties english = load("i18n/topology-rules.properties");
    private final Properties french = load("i18n/topology-rules_fr.properties");

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

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = RuleMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }
}
