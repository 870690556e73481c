package org.pchatdr.portal.procedure;

/**
 * Makes a value from the topology safe inside a script: T-SQL identifiers in brackets with
 * {@code ]} doubled, T-SQL strings as {@code N'…'} with {@code '} doubled, PowerShell strings in
 * single quotes with {@code '} doubled. A value that no quoting can make safe (control characters,
 * which would end a statement or a line) is refused with {@link UnsafeValueException}.
 */
public final class Quote {

    private Quote() {}

    /** {@code [name]}, for databases, logins, endpoints. */
    public static String sqlIdentifier(String value) {
        return "[" + safe(value).replace("]", "]]") + "]";
    }

    /** {@code N'text'}, for paths, partner addresses and every other string literal. */
    public static String sqlString(String value) {
        return "N'" + safe(value).replace("'", "''") + "'";
    }

    /** {@code 'text'}: single-quoted PowerShell strings expand nothing ({@code $}, backticks stay text). */
    public static String powerShellString(String value) {
        return "'"
                + safe(value)
                        .replace("'", "''")
                        .replace("\u2018", "\u2018\u2018")
                        .replace("\u2019", "\u2019\u2019")
                        .replace("\u201A", "\u201A\u201A")
                        .replace("\u201B", "\u201B\u201B")
                + "'";
    }

    private static String safe(String value) {
        if (value == null) {
            throw new UnsafeValueException("null");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                throw new UnsafeValueException(value);
            }
        }
        return value;
    }

    /** A value from the topology that cannot be placed in a script safely. */
    public static class UnsafeValueException extends IllegalArgumentException {

        private final String shown;

        public UnsafeValueException(String value) {
            super("Cannot be quoted safely (it contains a control character): " + shown(value));
            this.shown = shown(value);
        }

        /** The value with control characters written as Java escapes ({@code \\u} and four hex digits), cut after 60 characters. */
        public String shown() {
            return shown;
        }

        private static String shown(String value) {
            return value.codePoints()
                    .limit(60)
                    .mapToObj(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029
                            ? String.format("\\u%04X", c)
                            : new String(Character.toChars(c)))
                    .reduce("", String::concat);
        }
    }
}
