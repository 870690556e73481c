package org.pchatdr.portal.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Quoting holds for any value: it round-trips through the readers of SQL Server and PowerShell, a
 * value can never end the token it sits in (so never the statement), and control characters, which
 * no quoting makes safe, are refused.
 */
class QuotePropertiesTest {

    private static final String ALTER = "ALTER DATABASE ";
    private static final String SET_PARTNER = " SET PARTNER = ";

    @Property(tries = 2000)
    void aSqlIdentifierReadsBackAsTheValue(@ForAll("values") String value) {
        String quoted = Quote.sqlIdentifier(value);

        ScriptLexer.Token token = ScriptLexer.sqlIdentifier(quoted, 0);

        assertThat(token.value()).isEqualTo(value);
        assertThat(token.end()).isEqualTo(quoted.length());
    }

    @Property(tries = 2000)
    void aSqlStringReadsBackAsTheValue(@ForAll("values") String value) {
        String quoted = Quote.sqlString(value);

        ScriptLexer.Token token = ScriptLexer.sqlString(quoted, 0);

        assertThat(token.value()).isEqualTo(value);
        assertThat(token.end()).isEqualTo(quoted.length());
    }

    @Property(tries = 2000)
    void aPowerShellStringReadsBackAsTheValue(@ForAll("values") String value) {
        String quoted = Quote.powerShellString(value);

        ScriptLexer.Token token = ScriptLexer.powerShellString(quoted, 0);

        assertThat(token.value()).isEqualTo(value);
        assertThat(token.end()).isEqualTo(quoted.length());
    }

    @Property(tries = 2000)
    void noValueEndsATSqlStatementEarly(@ForAll("values") String database, @ForAll("values") String partner) {
        String statement = ALTER + Quote.sqlIdentifier(database) + SET_PARTNER + Quote.sqlString(partner) + ";";

        assertThat(statement).startsWith(ALTER);
        ScriptLexer.Token identifier = ScriptLexer.sqlIdentifier(statement, ALTER.length());
        assertThat(identifier.value()).isEqualTo(database);
        assertThat(statement.startsWith(SET_PARTNER, identifier.end()))
                .as("the template continues right after the identifier in %s", statement)
                .isTrue();
        ScriptLexer.Token string = ScriptLexer.sqlString(statement, identifier.end() + SET_PARTNER.length());
        assertThat(string.value()).isEqualTo(partner);
        assertThat(statement.substring(string.end())).isEqualTo(";");
    }

    @Property(tries = 2000)
    void noValueEndsAPowerShellCommandEarly(@ForAll("values") String identity, @ForAll("values") String path) {
        String prefix = "Set-CsPersistentChatState -Identity ";
        String middle = " -FileStore ";
        String suffix = " -PoolState FailedOver";
        String command = prefix + Quote.powerShellString(identity) + middle + Quote.powerShellString(path) + suffix;

        ScriptLexer.Token first = ScriptLexer.powerShellString(command, prefix.length());
        assertThat(first.value()).isEqualTo(identity);
        assertThat(command.startsWith(middle, first.end())).isTrue();
        ScriptLexer.Token second = ScriptLexer.powerShellString(command, first.end() + middle.length());
        assertThat(second.value()).isEqualTo(path);
        assertThat(command.substring(second.end())).isEqualTo(suffix);
    }

    @Property(tries = 1000)
    void aValueWithAControlCharacterIsRefused(@ForAll("unsafeValues") String value) {
        assertThatThrownBy(() -> Quote.sqlIdentifier(value)).isInstanceOf(Quote.UnsafeValueException.class);
        assertThatThrownBy(() -> Quote.sqlString(value)).isInstanceOf(Quote.UnsafeValueException.class);
        assertThatThrownBy(() -> Quote.powerShellString(value)).isInstanceOf(Quote.UnsafeValueException.class);
    }

    @Example
    void theRefusalShowsTheControlCharacterEscaped() {
        assertThatThrownBy(() -> Quote.sqlString("mgc\nGO"))
                .isInstanceOfSatisfying(
                        Quote.UnsafeValueException.class,
                        e -> assertThat(e.shown()).isEqualTo("mgc\\u000AGO"));
    }

    @Example
    void typographicQuotesAreDoubledForPowerShell() {
        assertThat(Quote.powerShellString("O’Brien‘s ‚x‛ 'y'")).isEqualTo("'O’’Brien‘‘s ‚‚x‛‛ ''y'''");
    }

    /** Quotes, brackets, separators, comment starts, sqlcmd and PowerShell specials, other scripts. */
    @Provide
    Arbitrary<String> values() {
        Arbitrary<String> tricky = Arbitraries.strings()
                .withChars("'\"[]();-/*`$@#%&\\ N’‘‚‛“”«»ʼ{}~!^éß")
                .withCharRange('a', 'z')
                .withCharRange('а', 'я')
                .withCharRange('α', 'ω')
                .withCharRange('一', '丰')
                .ofMaxLength(40);
        Arbitrary<String> fragments = Arbitraries.of(
                        "'",
                        "''",
                        "]",
                        "]]",
                        "[",
                        "--",
                        "/*",
                        "*/",
                        ";",
                        "GO",
                        "' OR 1=1 --",
                        "]; DROP TABLE x; --",
                        "’",
                        "‘",
                        "$(x)",
                        "`",
                        "Müller",
                        "Ωμέγα",
                        "日本語",
                        "中文",
                        "😀",
                        "Straße",
                        "o'neill",
                        "Logs & Backups$",
                        "N'")
                .list()
                .ofMaxSize(6)
                .map(parts -> String.join("", parts));
        Arbitrary<String> anything = Arbitraries.strings()
                .all()
                .ofMaxLength(30)
                .filter(value -> value.chars().noneMatch(QuotePropertiesTest::isControl));
        return Arbitraries.oneOf(tricky, fragments, anything);
    }

    @Provide
    Arbitrary<String> unsafeValues() {
        Arbitrary<Character> control = Arbitraries.oneOf(
                Arbitraries.of('\n', '\r', '\u0000', '\u2028', '\u2029', '\u0085', '\t'),
                Arbitraries.chars().range('\u0000', '\u001F'),
                Arbitraries.chars().range('\u007F', '\u009F'));
        Arbitrary<String> text = values();
        return Combinators.combine(text, control, text).as((before, c, after) -> before + c + after);
    }

    private static boolean isControl(int c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }
}
