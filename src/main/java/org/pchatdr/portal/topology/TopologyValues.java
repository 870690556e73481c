package org.pchatdr.portal.topology;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The value rules of the {@code pchat-dr-topology/1} format, shared by the reader and by forms that
 * validate as the user types. Names that Windows, Active Directory or SQL Server choose (shares,
 * folders, service accounts, instance names) accept exactly what those systems accept (C-11), so an
 * apostrophe, a space, {@code & $ % #} or a non-Latin letter passes and is quoted where it is used
 * ({@code procedure.Quote}); what the system itself refuses is refused with the character and the
 * reason. Names the portal uses unquoted or that DNS governs (ids, FQDNs, database names, cmdlet
 * identities) keep ASCII whitelists. Control characters, line separators and bidirectional
 * overrides are refused in every value (they cannot be shown or quoted safely).
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
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern CMDLET_IDENTITY = Pattern.compile("[A-Za-z][A-Za-z0-9:._/-]{0,254}");
    private static final Pattern SQL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final Pattern EDITION = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?: [A-Za-z0-9]+)*");
    private static final Pattern LOCAL_ROOT = Pattern.compile("[A-Za-z]:\\\\");

    /** MS-FSCC 2.1.6 (learn.microsoft.com/openspecs/windows_protocols/ms-fscc): with 0x00–0x1F, all a share name may not hold. */
    static final String SHARE_REFUSED = "\"\\/[]:|<>+=;,*?";
    /** MS-FSCC 2.1.5.2 and "Naming Files, Paths, and Namespaces": with 0x00–0x1F, all a file or folder name may not hold. */
    static final String FILE_NAME_REFUSED = "\"\\/:|<>*?";
    /**
     * The SAM-Account-Name attribute refuses these (learn.microsoft.com/windows/win32/adschema/a-samaccountname),
     * {@code @} separates a user principal name, and USER_INFO_0 adds 0x01–0x1F and a final period.
     */
    static final String ACCOUNT_REFUSED = "\"/\\[]:;|=,+*?<>@";

    public static final int MAX_SHARE_CHARS = 80;
    public static final int MAX_FILE_NAME_CHARS = 255;
    public static final int MAX_ACCOUNT_CHARS = 20;

    /** Device names the SMB server and Win32 paths reserve, alone or before an extension ({@code NUL.txt}). */
    private static final Pattern DEVICE_NAME =
            Pattern.compile("(?i)(?:CON|PRN|AUX|NUL|COM[1-9¹²³]|LPT[1-9¹²³])(?:\\..*)?");

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
        Optional<String> forbidden = HostileText.firstForbidden(value);
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
        Optional<Problem> named = switch (kind) {
            case INSTANCE_NAME -> instanceNameProblem(value);
            case UNC_PATH -> uncPathProblem(value);
            case LOCAL_PATH -> localPathProblem(value);
            case FOLDER -> folderProblem(value);
            case SERVICE_ACCOUNT -> serviceAccountProblem(value);
            default -> Optional.empty();
        };
        if (named.isPresent()) {
            return named;
        }
        if (kind.messageKey != null && !matches(kind, value)) {
            return Optional.of(new Problem(kind.messageKey, List.of(HostileText.excerpt(value))));
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
            // Checked in problem(), each with its reason.
            case INSTANCE_NAME, UNC_PATH, LOCAL_PATH, FOLDER, SERVICE_ACCOUNT -> true;
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
                && HostileText.firstForbidden(value).isEmpty();
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
     * A SQL Server named instance as Setup accepts it (learn.microsoft.com/sql/sql-server/install/instance-configuration):
     * at most 16 characters; letters of any script, decimal digits, {@code _} and {@code $}; the first
     * a letter or {@code _}; not Default, MSSQLServer nor a T-SQL reserved keyword. Spaces,
     * {@code \ , : ; ' & # @} and every other special character are refused.
     */
    public static boolean isInstanceName(String value) {
        return problem(Kind.INSTANCE_NAME, value).isEmpty();
    }

    public static boolean isReservedInstanceName(String value) {
        return value != null && RESERVED_INSTANCE_NAMES.contains(value.toUpperCase(Locale.ROOT));
    }

    private static Optional<Problem> instanceNameProblem(String value) {
        for (int index = 0; index < value.length(); ) {
            int codePoint = value.codePointAt(index);
            index += Character.charCount(codePoint);
            if (!(Character.isLetter(codePoint)
                    || Character.isDigit(codePoint)
                    || codePoint == '_'
                    || codePoint == '$')) {
                return Optional.of(new Problem(
                        ImportKeys.INSTANCE_CHARACTER,
                        List.of(HostileText.excerpt(value), character(codePoint), codePointName(codePoint))));
            }
        }
        int first = value.codePointAt(0);
        if (!(Character.isLetter(first) || first == '_')) {
            return invalid(ImportKeys.INSTANCE_NAME, value);
        }
        if (isReservedInstanceName(value)) {
            return Optional.of(new Problem(ImportKeys.INSTANCE_RESERVED, List.of(HostileText.excerpt(value))));
        }
        return Optional.empty();
    }

    /**
     * {@code \\server\share[\folder…]}: the server an FQDN, a host name or an IPv4 address; the share
     * name as {@link #SHARE_REFUSED} says (at most {@value #MAX_SHARE_CHARS} characters), the folders
     * as Windows file names; at most 260 characters.
     */
    public static boolean isUncPath(String value) {
        return problem(Kind.UNC_PATH, value).isEmpty();
    }

    /** {@code D:\folder\subfolder} or a drive root {@code D:\}; folders as in {@link #isUncPath}. */
    public static boolean isWindowsLocalPath(String value) {
        return problem(Kind.LOCAL_PATH, value).isEmpty();
    }

    private static Optional<Problem> uncPathProblem(String value) {
        if (!value.startsWith("\\\\")) {
            return invalid(ImportKeys.UNC_PATH, value);
        }
        String[] parts = value.substring(2).split("\\\\", -1);
        if (parts.length < 2 || parts[1].isEmpty() || !isServer(parts[0])) {
            return invalid(ImportKeys.UNC_PATH, value);
        }
        Optional<Problem> share = shareNameProblem(value, parts[1]);
        if (share.isPresent()) {
            return share;
        }
        return folderNamesProblem(value, parts, 2, ImportKeys.UNC_PATH);
    }

    private static boolean isServer(String server) {
        return isFqdn(server) || isHostName(server) || IPV4.matcher(server).matches();
    }

    private static Optional<Problem> localPathProblem(String value) {
        if (value.length() < 3 || !LOCAL_ROOT.matcher(value.substring(0, 3)).matches()) {
            return invalid(ImportKeys.LOCAL_PATH, value);
        }
        if (value.length() == 3) {
            return Optional.empty();
        }
        return folderNamesProblem(value, value.substring(3).split("\\\\", -1), 0, ImportKeys.LOCAL_PATH);
    }

    /** A local path or a UNC path, each with its own reasons. */
    private static Optional<Problem> folderProblem(String value) {
        if (value.startsWith("\\\\")) {
            return uncPathProblem(value);
        }
        if (value.length() >= 2 && value.charAt(1) == ':') {
            return localPathProblem(value);
        }
        return invalid(ImportKeys.FOLDER, value);
    }

    private static Optional<Problem> shareNameProblem(String path, String share) {
        Optional<Problem> characters = nameProblem(
                path, share, SHARE_REFUSED, MAX_SHARE_CHARS, ImportKeys.SHARE_CHARACTER, ImportKeys.SHARE_TOO_LONG);
        if (characters.isPresent()) {
            return characters;
        }
        if (share.equals(".") || share.equals("..")) {
            // Path normalisation would read them as "this folder" and "the parent folder".
            return Optional.of(new Problem(ImportKeys.RESERVED_FILE_NAME, List.of(HostileText.excerpt(path), share)));
        }
        return Optional.empty();
    }

    private static Optional<Problem> folderNamesProblem(String path, String[] names, int from, String structureKey) {
        for (int index = from; index < names.length; index++) {
            String name = names[index];
            if (name.isEmpty()) {
                return invalid(structureKey, path);
            }
            Optional<Problem> problem = fileNameProblem(path, name);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /**
     * A folder name as Windows accepts it: none of {@link #FILE_NAME_REFUSED} nor 0x00–0x1F, at most
     * {@value #MAX_FILE_NAME_CHARS} characters (MS-FSCC 2.1.5.2), not {@code .}, {@code ..} nor a
     * device name, not ending with a space or a period, which Win32 paths strip ("Naming Files,
     * Paths, and Namespaces", learn.microsoft.com/windows/win32/fileio/naming-a-file).
     */
    private static Optional<Problem> fileNameProblem(String path, String name) {
        Optional<Problem> characters = nameProblem(
                path,
                name,
                FILE_NAME_REFUSED,
                MAX_FILE_NAME_CHARS,
                ImportKeys.FILE_NAME_CHARACTER,
                ImportKeys.FILE_NAME_TOO_LONG);
        if (characters.isPresent()) {
            return characters;
        }
        if (name.equals(".") || name.equals("..") || DEVICE_NAME.matcher(name).matches()) {
            return Optional.of(new Problem(
                    ImportKeys.RESERVED_FILE_NAME, List.of(HostileText.excerpt(path), HostileText.excerpt(name))));
        }
        if (name.endsWith(" ") || name.endsWith(".")) {
            return Optional.of(new Problem(
                    ImportKeys.FILE_NAME_ENDING, List.of(HostileText.excerpt(path), HostileText.excerpt(name))));
        }
        return Optional.empty();
    }

    /**
     * {@code LocalSystem}, {@code NetworkService}, or {@code DOMAIN\account} with a NetBIOS domain
     * name and an account name Active Directory accepts: at most {@value #MAX_ACCOUNT_CHARS}
     * characters, none of {@link #ACCOUNT_REFUSED}, not ending with a period (a managed or computer
     * account ends with {@code $}). Apostrophes, spaces and letters of any script are legal
     * ({@code FABRIKAM\o'neill}).
     */
    public static boolean isServiceAccount(String value) {
        return problem(Kind.SERVICE_ACCOUNT, value).isEmpty();
    }

    private static Optional<Problem> serviceAccountProblem(String value) {
        if (value.equals("LocalSystem") || value.equals("NetworkService")) {
            return Optional.empty();
        }
        int slash = value.indexOf('\\');
        if (slash < 0 || !isNetBiosName(value.substring(0, slash))) {
            return invalid(ImportKeys.SERVICE_ACCOUNT, value);
        }
        String account = value.substring(slash + 1);
        if (account.isEmpty()) {
            return invalid(ImportKeys.SERVICE_ACCOUNT, value);
        }
        OptionalInt refused = firstRefused(account, ACCOUNT_REFUSED);
        if (refused.isPresent()) {
            return Optional.of(new Problem(
                    ImportKeys.ACCOUNT_CHARACTER,
                    List.of(
                            HostileText.excerpt(value),
                            character(refused.getAsInt()),
                            codePointName(refused.getAsInt()))));
        }
        if (account.length() > MAX_ACCOUNT_CHARS) {
            return invalid(ImportKeys.SERVICE_ACCOUNT, value);
        }
        if (account.endsWith(".") || account.chars().allMatch(c -> c == '.' || c == ' ')) {
            return Optional.of(new Problem(ImportKeys.ACCOUNT_ENDING, List.of(HostileText.excerpt(value))));
        }
        return Optional.empty();
    }

    /**
     * The first checks of a share or folder name within {@code path}: a character Windows refuses
     * (named with its code point), then the length.
     */
    private static Optional<Problem> nameProblem(
            String path, String name, String refusedCharacters, int maxChars, String characterKey, String tooLongKey) {
        OptionalInt refused = firstRefused(name, refusedCharacters);
        if (refused.isPresent()) {
            return Optional.of(new Problem(
                    characterKey,
                    List.of(
                            HostileText.excerpt(path),
                            HostileText.excerpt(name),
                            character(refused.getAsInt()),
                            codePointName(refused.getAsInt()))));
        }
        if (name.length() > maxChars) {
            return Optional.of(new Problem(
                    tooLongKey,
                    List.of(HostileText.excerpt(name), Integer.toString(name.length()), Integer.toString(maxChars))));
        }
        return Optional.empty();
    }

    /** The first character of {@code name} that is in {@code refused} or a control character 0x00–0x1F. */
    private static OptionalInt firstRefused(String name, String refused) {
        return name.codePoints()
                .filter(c -> c < 0x20 || refused.indexOf(c) >= 0)
                .findFirst();
    }

    private static Optional<Problem> invalid(String key, String value) {
        return Optional.of(new Problem(key, List.of(HostileText.excerpt(value))));
    }

    /** A refused character as a message shows it, the way it shows every value. */
    private static String character(int codePoint) {
        return HostileText.excerpt(new String(Character.toChars(codePoint)));
    }

    /** {@code U+0027}: says which character it is when the glyph alone is hard to see (a space). */
    private static String codePointName(int codePoint) {
        return String.format("U+%04X", codePoint);
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
