package org.pchatdr.portal.procedure;

import java.util.Set;

/**
 * Reads one quoted token the way SQL Server and PowerShell read it, for the quoting properties: a
 * T-SQL bracket identifier, a T-SQL {@code N'…'} string, a PowerShell single-quoted string. Each
 * returns the value and where the token ends, or fails when the text there is no such token.
 */
final class ScriptLexer {

    /** PowerShell's tokenizer takes each of these as a single quote, and any two in a row as one. */
    static final Set<Character> POWERSHELL_QUOTES = Set.of('\'', '\u2018', '\u2019', '\u201A', '\u201B');

    record Token(String value, int end) {}

    private ScriptLexer() {}

    /** {@code [name]} with {@code ]]} for {@code ]}. */
    static Token sqlIdentifier(String text, int start) {
        expect(text, start, "[");
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (true) {
            if (i >= text.length()) {
                throw new IllegalArgumentException("Unclosed identifier: " + text);
            }
            char c = text.charAt(i);
            if (c == ']') {
                if (i + 1 < text.length() && text.charAt(i + 1) == ']') {
                    value.append(']');
                    i += 2;
                    continue;
                }
                return new Token(value.toString(), i + 1);
            }
            value.append(c);
            i++;
        }
    }

    /** {@code N'text'} with {@code ''} for {@code '}. */
    static Token sqlString(String text, int start) {
        expect(text, start, "N'");
        StringBuilder value = new StringBuilder();
        int i = start + 2;
        while (true) {
            if (i >= text.length()) {
                throw new IllegalArgumentException("Unclosed string: " + text);
            }
            char c = text.charAt(i);
            if (c == '\'') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    value.append('\'');
                    i += 2;
                    continue;
                }
                return new Token(value.toString(), i + 1);
            }
            value.append(c);
            i++;
        }
    }

    /**
     * A single-quoted PowerShell string: it opens with any single quote, a quote followed by another
     * stands for the second one, and any other quote closes it (as PowerShell's tokenizer does).
     */
    static Token powerShellString(String text, int start) {
        if (start >= text.length() || !POWERSHELL_QUOTES.contains(text.charAt(start))) {
            throw new IllegalArgumentException("No single-quoted string at " + start + ": " + text);
        }
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (true) {
            if (i >= text.length()) {
                throw new IllegalArgumentException("Unclosed string: " + text);
            }
            char c = text.charAt(i);
            if (POWERSHELL_QUOTES.contains(c)) {
                if (i + 1 < text.length() && POWERSHELL_QUOTES.contains(text.charAt(i + 1))) {
                    value.append(text.charAt(i + 1));
                    i += 2;
                    continue;
                }
                return new Token(value.toString(), i + 1);
            }
            value.append(c);
            i++;
        }
    }

    private static void expect(String text, int start, String opening) {
        if (!text.startsWith(opening, start)) {
            throw new IllegalArgumentException("Expected " + opening + " at " + start + ": " + text);
        }
    }
}
