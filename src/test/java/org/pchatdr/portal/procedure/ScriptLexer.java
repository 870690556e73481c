package org.pchatdr.portal.procedure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads quoted tokens the way SQL Server and PowerShell read them, for the quoting properties: one
 * T-SQL bracket identifier, T-SQL {@code N'…'} string or PowerShell single-quoted string at a
 * position (its value and where it ends), or a whole script cut into code, literals and comments.
 * Each fails when the text is no such token or a literal or comment is never closed.
 */
final class ScriptLexer {

    /** PowerShell's tokenizer takes each of these as a single quote, and any two in a row as one. */
    static final Set<Character> POWERSHELL_QUOTES = Set.of('\'', '\u2018', '\u2019', '\u201A', '\u201B');

    /** PowerShell's tokenizer takes each of these as a double quote: strings that expand {@code $} and backticks. */
    static final Set<Character> POWERSHELL_DOUBLE_QUOTES = Set.of('"', '\u201C', '\u201D', '\u201E');

    record Token(String value, int end) {}

    /** What a piece of a script is to the engine that runs it. */
    enum Kind {
        /** Keywords, operators, names: what a value must never become part of. */
        CODE,
        /** A T-SQL {@code '…'} / {@code N'…'} or a PowerShell single-quoted string: nothing in it runs. */
        STRING,
        /** A T-SQL {@code […]} or {@code "…"} identifier. */
        IDENTIFIER,
        /** A PowerShell double-quoted string: {@code $(…)} and backticks in it would run, so it counts as code. */
        EXPANDABLE,
        COMMENT
    }

    /** {@code value} is the literal's content as the engine reads it (quotes undoubled). */
    record Piece(Kind kind, String raw, String value) {}

    /** A T-SQL script as SQL Server reads it: strings, bracket and quoted identifiers, both kinds of comments (nested). */
    static List<Piece> tsql(String script) {
        List<Piece> pieces = new ArrayList<>();
        StringBuilder code = new StringBuilder();
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            int end;
            Piece piece;
            if (script.startsWith("--", i)) {
                end = script.indexOf('\n', i);
                end = end < 0 ? script.length() : end;
                piece = new Piece(Kind.COMMENT, script.substring(i, end), script.substring(i, end));
            } else if (script.startsWith("/*", i)) {
                end = blockCommentEnd(script, i);
                piece = new Piece(Kind.COMMENT, script.substring(i, end), script.substring(i, end));
            } else if (c == '\'' || c == '[' || c == '"') {
                char close = c == '[' ? ']' : c;
                StringBuilder value = new StringBuilder();
                end = closing(script, i, close, value);
                piece = new Piece(
                        c == '\'' ? Kind.STRING : Kind.IDENTIFIER, script.substring(i, end), value.toString());
            } else {
                code.append(c);
                i++;
                continue;
            }
            flush(pieces, code);
            pieces.add(piece);
            i = end;
        }
        flush(pieces, code);
        return pieces;
    }

    /**
     * A PowerShell script as its tokenizer reads it: single-quoted strings (any of {@link
     * #POWERSHELL_QUOTES}), double-quoted strings and here-strings, line and block comments, and
     * backtick escapes in code.
     */
    static List<Piece> powerShell(String script) {
        List<Piece> pieces = new ArrayList<>();
        StringBuilder code = new StringBuilder();
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            int end;
            Piece piece;
            if (c == '`' && i + 1 < script.length()) {
                code.append(c).append(script.charAt(i + 1));
                i += 2;
                continue;
            } else if (script.startsWith("<#", i)) {
                end = script.indexOf("#>", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("Unclosed block comment: " + script);
                }
                end += 2;
                piece = new Piece(Kind.COMMENT, script.substring(i, end), script.substring(i, end));
            } else if (c == '#' && (i == 0 || " \t\n;{(".indexOf(script.charAt(i - 1)) >= 0)) {
                end = script.indexOf('\n', i);
                end = end < 0 ? script.length() : end;
                piece = new Piece(Kind.COMMENT, script.substring(i, end), script.substring(i, end));
            } else if (c == '@'
                    && i + 1 < script.length()
                    && (script.charAt(i + 1) == '\'' || script.charAt(i + 1) == '"')) {
                String closing = "\n" + script.charAt(i + 1) + "@";
                end = script.indexOf(closing, i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("Unclosed here-string: " + script);
                }
                end += closing.length();
                String raw = script.substring(i, end);
                piece = new Piece(script.charAt(i + 1) == '\'' ? Kind.STRING : Kind.EXPANDABLE, raw, raw);
            } else if (POWERSHELL_QUOTES.contains(c)) {
                Token token = powerShellString(script, i);
                end = token.end();
                piece = new Piece(Kind.STRING, script.substring(i, end), token.value());
            } else if (POWERSHELL_DOUBLE_QUOTES.contains(c)) {
                end = expandableEnd(script, i);
                piece = new Piece(Kind.EXPANDABLE, script.substring(i, end), script.substring(i, end));
            } else {
                code.append(c);
                i++;
                continue;
            }
            flush(pieces, code);
            pieces.add(piece);
            i = end;
        }
        flush(pieces, code);
        return pieces;
    }

    private static void flush(List<Piece> pieces, StringBuilder code) {
        if (!code.isEmpty()) {
            pieces.add(new Piece(Kind.CODE, code.toString(), code.toString()));
            code.setLength(0);
        }
    }

    /** T-SQL block comments nest. */
    private static int blockCommentEnd(String script, int start) {
        int depth = 0;
        int i = start;
        while (i < script.length()) {
            if (script.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (script.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        throw new IllegalArgumentException("Unclosed block comment: " + script);
    }

    /** The end of a T-SQL literal opened at {@code start}, where a doubled {@code close} stands for itself. */
    private static int closing(String script, int start, char close, StringBuilder value) {
        int i = start + 1;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (c == close) {
                if (i + 1 < script.length() && script.charAt(i + 1) == close) {
                    value.append(close);
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            value.append(c);
            i++;
        }
        throw new IllegalArgumentException("Unclosed literal: " + script.substring(start));
    }

    /** A double-quoted PowerShell string: a backtick escapes the next character, two quotes stand for one. */
    private static int expandableEnd(String script, int start) {
        int i = start + 1;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (c == '`') {
                i += 2;
                continue;
            }
            if (POWERSHELL_DOUBLE_QUOTES.contains(c)) {
                if (i + 1 < script.length() && POWERSHELL_DOUBLE_QUOTES.contains(script.charAt(i + 1))) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw new IllegalArgumentException("Unclosed string: " + script.substring(start));
    }

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
