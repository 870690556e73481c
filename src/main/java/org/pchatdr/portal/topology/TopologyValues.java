package org.pchatdr.portal.topology;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.pchatdr.portal.topology.format.ImportKeys;
import org.pchatdr.portal.topology.format.Text;

/**
 * The value rules of the {@code pchat-dr-topology/1} format, shared by the reader and by forms that
 * validate as the user types. Technical identifiers end up in T-SQL, PowerShell and file paths, so
 * their rules are strict ASCII whitelists: quotes, semicolons, brackets, control characters and
 * non-Latin letters never pass. Display names accept any printable text.
 */
public final class TopologyValues {

    public static final int MAX_NAME_CHARS = 200;

    /** What a form shows: a key of {@code i18n/topology-import*.properties} and its arguments. */
    public record Problem(String messageKey, List<String> arguments) {
        public Problem {
            arguments = List.copyOf(arguments);
        }
    }

    /** The kinds of text values the format holds, with the longest value each accepts. */
    public enum Kind {
        /** A display name: any printable text. */
        NAME(MAX_NAME_CHARS, null),
        /** Site and SQL instance ids. */
        IDENTIFIER(64, ImportKeys.IDENTIFIER),
        FQDN(253, ImportKeys.FQDN),
        INSTANCE_NAME(16, ImportKeys.INSTANCE_NAME),
        UNC_PATH(260, ImportKeys.UNC_PATH),
        LOCAL_PATH(260, ImportKeys.LOCAL_PATH),
        /** A local path or a UNC path. */
        FOLDER(260, ImportKeys.FOLDER),
        SERVICE_ACCOUNT(36, ImportKeys.SERVICE_ACCOUNT),
        TIME_ZONE(64, ImportKeys.TIME_ZONE),
        /** The {@code -Identity} of a Lync cmdlet, such as {@code PersistentChatServer:pchat.contoso.local}. */
        CMDLET_IDENTITY(255, ImportKeys.CMDLET_IDENTITY),
        /** A database or availability group name. */
        SQL_NAME(128, ImportKeys.SQL_NAME),
        EDITION(40, ImportKeys.EDITION);

        private final int maxLength;
        private final String messageKey;

        Kind(int maxLength, String messageKey) {
            this.maxLength = maxLength;
            this.messageKey = messageKey;
        }

        public int maxLength() {
            return maxLength;
        }
    }

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern IPV4 = Pattern.compile("(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
            + "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    private static final Pattern NETBIOS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,14}");
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9_](?:[A-Za-z0-9._-]*[A-Za-z0-9_-])?\\$?");
    private static final Pattern INSTANCE = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,15}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern CMDLET_IDENTITY = Pattern.compile("[A-Za-z][A-Za-z0-9:._/-]{0,254}");
    private static final Pattern SQL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final Pattern EDITION = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?: [A-Za-z0-9]+)*");
    private static final Pattern LOCAL_ROOT = Pattern.compile("[A-Za-z]:\\\\");
    private static final String SEGMENT_PUNCTUATION = " -_.$()+~#@,";
    private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

    /** SQL Server Setup refuses these as instance names: Default, MSSQLServer and T-SQL's reserved keywords. */
    private static final Set<String> RESERVED_INSTANCE_NAMES = Set.of(
            "DEFAULT",
            "MSSQLSERVER",
            "ADD",
            "ALL",
            "ALTER",
            "AND",
            "ANY",
            "AS",
            "ASC",
            "AUTHORIZATION",
            "BACKUP",
            "BEGIN",
            "BETWEEN",
            "BREAK",
            "BROWSE",
            "BULK",
            "BY",
            "CASCADE",
            "CASE",
            "CHECK",
            "CHECKPOINT",
            "CLOSE",
            "CLUSTERED",
            "COALESCE",
            "COLLATE",
            "COLUMN",
            "COMMIT",
            "COMPUTE",
            "CONSTRAINT",
            "CONTAINS",
            "CONTAINSTABLE",
            "CONTINUE",
            "CONVERT",
            "CREATE",
            "CROSS",
            "CURRENT",
            "CURRENT_DATE",
            "CURRENT_TIME",
            "CURRENT_TIMESTAMP",
            "CURRENT_USER",
            "CURSOR",
            "DATABASE",
            "DBCC",
            "DEALLOCATE",
            "DECLARE",
            "DELETE",
            "DENY",
            "DESC",
            "DISK",
            "DISTINCT",
            "DISTRIBUTED",
            "DOUBLE",
            "DROP",
            "DUMP",
            "ELSE",
            "END",
            "ERRLVL",
            "ESCAPE",
            "EXCEPT",
            "EXEC",
            "EXECUTE",
            "EXISTS",
            "EXIT",
            "EXTERNAL",
            "FETCH",
            "FILE",
            "FILLFACTOR",
            "FOR",
            "FOREIGN",
            "FREETEXT",
            "FREETEXTTABLE",
            "FROM",
            "FULL",
            "FUNCTION",
            "GOTO",
            "GRANT",
            "GROUP",
            "HAVING",
            "HOLDLOCK",
            "IDENTITY",
            "IDENTITY_INSERT",
            "IDENTITYCOL",
            "IF",
            "IN",
            "INDEX",
            "INNER",
            "INSERT",
            "INTERSECT",
            "INTO",
            "IS",
            "JOIN",
            "KEY",
            "KILL",
            "LEFT",
            "LIKE",
            "LINENO",
            "LOAD",
            "MERGE",
            "NATIONAL",
            "NOCHECK",
            "NONCLUSTERED",
            "NOT",
            "NULL",
            "NULLIF",
            "OF",
            "OFF",
            "OFFSETS",
            "ON",
            "OPEN",
            "OPENDATASOURCE",
            "OPENQUERY",
            "OPENROWSET",
            "OPENXML",
            "OPTION",
            "OR",
            "ORDER",
            "OUTER",
            "OVER",
            "PERCENT",
            "PIVOT",
            "PLAN",
            "PRECISION",
            "PRIMARY",
            "PRINT",
            "PROC",
            "PROCEDURE",
            "PUBLIC",
            "RAISERROR",
            "READ",
            "READTEXT",
            "RECONFIGURE",
            "REFERENCES",
            "REPLICATION",
            "RESTORE",
            "RESTRICT",
            "RETURN",
            "REVERT",
            "REVOKE",
            "RIGHT",
            "ROLLBACK",
            "ROWCOUNT",
            "ROWGUIDCOL",
            "RULE",
            "SAVE",
            "SCHEMA",
            "SECURITYAUDIT",
            "SELECT",
            "SEMANTICKEYPHRASETABLE",
            "SEMANTICSIMILARITYDETAILSTABLE",
            "SEMANTICSIMILARITYTABLE",
            "SESSION_USER",
            "SET",
            "SETUSER",
            "SHUTDOWN",
            "SOME",
            "STATISTICS",
            "SYSTEM_USER",
            "TABLE",
            "TABLESAMPLE",
            "TEXTSIZE",
            "THEN",
            "TO",
            "TOP",
            "TRAN",
            "TRANSACTION",
            "TRIGGER",
            "TRUNCATE",
            "TRY_CONVERT",
            "TSEQUAL",
            "UNION",
            "UNIQUE",
            "UNPIVOT",
            "UPDATE",
            "UPDATETEXT",
            "USE",
            "USER",
            "VALUES",
            "VARYING",
            "VIEW",
            "WAITFOR",
            "WHEN",
            "WHERE",
            "WHILE",
            "WITH",
            "WITHIN",
            "WRITETEXT");

    private TopologyValues() {}

    /**
     * The first problem of a text value, if any: a forbidden character, a blank value, a value too
     * long, then the rule of its kind. {@code null} counts as blank.
     */
    public static Optional<Problem> problem(Kind kind, String value) {
        if (value == null) {
            return Optional.of(new Problem(ImportKeys.BLANK, List.of()));
        }
        Optional<String> forbidden = Text.firstForbidden(value);
        if (forbidden.isPresent()) {
            return Optional.of(new Problem(ImportKeys.CONTROL_CHARACTER, List.of(forbidden.get())));
        }
        if (value.isBlank()) {
            return Optional.of(new Problem(ImportKeys.BLANK, List.of()));
        }
        if (value.length() > kind.maxLength) {
            return Optional.of(new Problem(
                    ImportKeys.TOO_LONG, List.of(Integer.toString(value.length()), Integer.toString(kind.maxLength))));
        }
        if (kind == Kind.INSTANCE_NAME && INSTANCE.matcher(value).matches() && isReservedInstanceName(value)) {
            return Optional.of(new Problem(ImportKeys.INSTANCE_RESERVED, List.of(value)));
        }
        if (kind.messageKey != null && !matches(kind, value)) {
            return Optional.of(new Problem(kind.messageKey, List.of(Text.excerpt(value))));
        }
        return Optional.empty();
    }

    /** Whether the value satisfies every rule of its kind. */
    public static boolean isValid(Kind kind, String value) {
        return problem(kind, value).isEmpty();
    }

    private static boolean matches(Kind kind, String value) {
        return switch (kind) {
            case NAME -> isName(value);
            case IDENTIFIER -> isIdentifier(value);
            case FQDN -> isFqdn(value);
            case INSTANCE_NAME -> isInstanceName(value);
            case UNC_PATH -> isUncPath(value);
            case LOCAL_PATH -> isWindowsLocalPath(value);
            case FOLDER -> isWindowsLocalPath(value) || isUncPath(value);
            case SERVICE_ACCOUNT -> isServiceAccount(value);
            case TIME_ZONE -> isTimeZone(value);
            case CMDLET_IDENTITY -> isCmdletIdentity(value);
            case SQL_NAME -> isSqlName(value);
            case EDITION -> isEdition(value);
        };
    }

    /** A display name: not blank, at most {@value #MAX_NAME_CHARS} characters, no control character. */
    public static boolean isName(String value) {
        return value != null
                && !value.isBlank()
                && value.length() <= MAX_NAME_CHARS
                && Text.firstForbidden(value).isEmpty();
    }

    /** A site or SQL instance id: 1–64 ASCII letters, digits, dots, hyphens, underscores. */
    public static boolean isIdentifier(String value) {
        return value != null && IDENTIFIER.matcher(value).matches();
    }

    /**
     * A fully qualified domain name: at least two dot-separated DNS labels of ASCII letters, digits
     * and inner hyphens, at most 253 characters, no trailing dot, a top-level label not all digits.
     */
    public static boolean isFqdn(String value) {
        if (value == null || value.length() > 253) {
            return false;
        }
        String[] labels = value.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return !DIGITS.matcher(labels[labels.length - 1]).matches();
    }

    /** A single DNS label used as a host name ({@code fs01}), not all digits. */
    public static boolean isHostName(String value) {
        return value != null
                && LABEL.matcher(value).matches()
                && !DIGITS.matcher(value).matches();
    }

    /** A NetBIOS computer or domain name: 1–15 ASCII letters, digits or hyphens, not all digits. */
    public static boolean isNetBiosName(String value) {
        return value != null
                && NETBIOS.matcher(value).matches()
                && !DIGITS.matcher(value).matches();
    }

    /**
     * A SQL Server named instance: 1–16 characters, ASCII letters, digits, {@code _} or {@code $},
     * starting with a letter or {@code _}, and not a reserved word (Default, MSSQLServer, T-SQL
     * keywords).
     */
    public static boolean isInstanceName(String value) {
        return value != null && INSTANCE.matcher(value).matches() && !isReservedInstanceName(value);
    }

    public static boolean isReservedInstanceName(String value) {
        return value != null && RESERVED_INSTANCE_NAMES.contains(value.toUpperCase(Locale.ROOT));
    }

    /**
     * {@code \\server\share[\folder…]}: the server an FQDN, a host name or an IPv4 address; the
     * share and folders made of Latin letters, digits, spaces and {@code -_.$()+~#@,}, none blank,
     * none {@code .} or {@code ..}, none ending with a space or a dot; at most 260 characters.
     */
    public static boolean isUncPath(String value) {
        if (value == null || value.length() > 260 || !value.startsWith("\\\\")) {
            return false;
        }
        String[] parts = value.substring(2).split("\\\\", -1);
        if (parts.length < 2) {
            return false;
        }
        String server = parts[0];
        if (!(isFqdn(server) || isHostName(server) || IPV4.matcher(server).matches())) {
            return false;
        }
        if (parts[1].length() > 80) {
            return false;
        }
        for (int index = 1; index < parts.length; index++) {
            if (!isPathSegment(parts[index])) {
                return false;
            }
        }
        return true;
    }

    /** {@code D:\folder\subfolder} or a drive root {@code D:\}; folders as in {@link #isUncPath}. */
    public static boolean isWindowsLocalPath(String value) {
        if (value == null || value.length() > 260 || value.length() < 3) {
            return false;
        }
        if (!LOCAL_ROOT.matcher(value.substring(0, 3)).matches()) {
            return false;
        }
        if (value.length() == 3) {
            return true;
        }
        for (String segment : value.substring(3).split("\\\\", -1)) {
            if (!isPathSegment(segment)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPathSegment(String segment) {
        if (segment.isEmpty()
                || segment.length() > 255
                || segment.equals(".")
                || segment.equals("..")
                || segment.startsWith(" ")
                || segment.endsWith(" ")
                || segment.endsWith(".")) {
            return false;
        }
        return segment.codePoints().allMatch(TopologyValues::isPathCharacter);
    }

    private static boolean isPathCharacter(int codePoint) {
        if (codePoint < 0x80) {
            return (codePoint >= 'a' && codePoint <= 'z')
                    || (codePoint >= 'A' && codePoint <= 'Z')
                    || (codePoint >= '0' && codePoint <= '9')
                    || SEGMENT_PUNCTUATION.indexOf(codePoint) >= 0;
        }
        return Character.isLetter(codePoint) && Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.LATIN;
    }

    /**
     * {@code LocalSystem}, {@code NetworkService}, or {@code DOMAIN\account} with a NetBIOS domain
     * name and an account of at most 20 ASCII letters, digits, dots, hyphens or underscores
     * (optionally ending with {@code $} for a managed or computer account).
     */
    public static boolean isServiceAccount(String value) {
        if (value == null) {
            return false;
        }
        if (value.equals("LocalSystem") || value.equals("NetworkService")) {
            return true;
        }
        int slash = value.indexOf('\\');
        if (slash < 0) {
            return false;
        }
        String domain = value.substring(0, slash);
        String account = value.substring(slash + 1);
        return isNetBiosName(domain)
                && account.length() <= 20
                && ACCOUNT.matcher(account).matches();
    }

    public static boolean isPort(long value) {
        return value >= 1 && value <= 65535;
    }

    /** A duration or threshold in minutes: 0 or more. */
    public static boolean isMinutes(long value) {
        return value >= 0 && value <= Integer.MAX_VALUE;
    }

    /** How often a SQL Server Agent job runs: every 1 minute or more. */
    public static boolean isScheduleMinutes(long value) {
        return value >= 1 && value <= Integer.MAX_VALUE;
    }

    /** A region-based IANA time zone id that Java knows ({@code Europe/Paris}); not {@code Z} nor an offset. */
    public static boolean isTimeZone(String value) {
        return value != null && ZONES.contains(value);
    }

    /** A cmdlet identity: an ASCII letter, then letters, digits and {@code :._/-}; no space, no quote. */
    public static boolean isCmdletIdentity(String value) {
        return value != null && CMDLET_IDENTITY.matcher(value).matches();
    }

    /** A database or availability group name usable unquoted in T-SQL. */
    public static boolean isSqlName(String value) {
        return value != null && SQL_NAME.matcher(value).matches();
    }

    /** A SQL Server edition: ASCII words separated by single spaces ({@code Enterprise}, {@code Business Intelligence}). */
    public static boolean isEdition(String value) {
        return value != null && value.length() <= 40 && EDITION.matcher(value).matches();
    }
}
