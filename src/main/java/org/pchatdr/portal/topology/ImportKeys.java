package org.pchatdr.portal.topology;

import java.util.List;

/**
 * Message keys of the structural errors, in {@code i18n/topology-import*.properties}. Arguments are
 * listed per key; every value a user wrote is passed through {@link HostileText#excerpt(String)}.
 */
public final class ImportKeys {

    /** {0} length of the text, {1} the limit. */
    public static final String TOO_LARGE = "import.too-large";
    /** No argument. */
    public static final String EMPTY = "import.empty";
    /** {0} line, {1} column, {2} the text around that position. */
    public static final String JSON_SYNTAX = "import.json-syntax";
    /** {0} line, {1} column. */
    public static final String JSON_TRUNCATED = "import.json-truncated";
    /** {0} line, {1} column. */
    public static final String JSON_LIMIT = "import.json-limit";
    /** {0} line, {1} column. */
    public static final String JSON_TRAILING = "import.json-trailing";
    /** {0} the field name. */
    public static final String DUPLICATE_KEY = "import.duplicate-key";
    /** {0} the field name. */
    public static final String REQUIRED = "import.required";
    /** {0} the field name; the field may be null but must be written. */
    public static final String REQUIRED_OR_NULL = "import.required-or-null";
    /** {0} the value found instead. */
    public static final String TYPE_OBJECT = "import.type.object";
    /** {0} the value found instead. */
    public static final String TYPE_ARRAY = "import.type.array";
    /** {0} the value found instead. */
    public static final String TYPE_STRING = "import.type.string";
    /** {0} the value found instead. */
    public static final String TYPE_INTEGER = "import.type.integer";
    /** {0} the value found instead. */
    public static final String TYPE_BOOLEAN = "import.type.boolean";
    /** {0} the format found, {1} the format this version reads. */
    public static final String UNKNOWN_FORMAT = "import.unknown-format";
    /** {0} the field name, {1} the fields allowed there. */
    public static final String UNKNOWN_FIELD = "import.unknown-field";
    /** {0} the value, {1} the allowed values. */
    public static final String UNKNOWN_VALUE = "import.unknown-value";
    /** {0} the missing site id. */
    public static final String UNKNOWN_SITE = "import.unknown-site";
    /** {0} the missing SQL instance id. */
    public static final String UNKNOWN_INSTANCE = "import.unknown-instance";
    /** {0} the id, {1} the path where it is first used. */
    public static final String DUPLICATE_ID = "import.duplicate-id";
    /** {0} the FQDN, {1} the path where it is first used. */
    public static final String DUPLICATE_FQDN = "import.duplicate-fqdn";
    /** {0} the database kind, {1} the path of the first database of that kind. */
    public static final String DUPLICATE_KIND = "import.duplicate-kind";
    /** {0} host\instance, {1} the path of the first description of it. */
    public static final String DUPLICATE_INSTANCE = "import.duplicate-instance";
    /** {0} the value. */
    public static final String FQDN = "import.fqdn";
    /** {0} the value. */
    public static final String INSTANCE_NAME = "import.instance-name";
    /** {0} the value. */
    public static final String INSTANCE_RESERVED = "import.instance-reserved";
    /** {0} the value, {1} the character Setup refuses, {2} its code point (U+0027). */
    public static final String INSTANCE_CHARACTER = "import.instance-character";
    /** {0} the value. */
    public static final String UNC_PATH = "import.unc-path";
    /** {0} the path, {1} the share name, {2} the character Windows refuses, {3} its code point. */
    public static final String SHARE_CHARACTER = "import.share-character";
    /** {0} the share name, {1} its length, {2} the limit. */
    public static final String SHARE_TOO_LONG = "import.share-too-long";
    /** {0} the path, {1} the folder name, {2} the character Windows refuses, {3} its code point. */
    public static final String FILE_NAME_CHARACTER = "import.file-name-character";
    /** {0} the folder name, {1} its length, {2} the limit. */
    public static final String FILE_NAME_TOO_LONG = "import.file-name-too-long";
    /** {0} the path, {1} the reserved name. */
    public static final String RESERVED_FILE_NAME = "import.reserved-file-name";
    /** {0} the path, {1} the folder name ending with a space or a period. */
    public static final String FILE_NAME_ENDING = "import.file-name-ending";
    /** {0} the value. */
    public static final String LOCAL_PATH = "import.local-path";
    /** {0} the value. */
    public static final String FOLDER = "import.folder";
    /** {0} the value. */
    public static final String SERVICE_ACCOUNT = "import.service-account";
    /** {0} the value, {1} the character Active Directory refuses, {2} its code point. */
    public static final String ACCOUNT_CHARACTER = "import.account-character";
    /** {0} the value. */
    public static final String ACCOUNT_ENDING = "import.account-ending";
    /** {0} the value. */
    public static final String PORT = "import.port";
    /** {0} the value. */
    public static final String MINUTES = "import.minutes";
    /** {0} the value. */
    public static final String SCHEDULE_MINUTES = "import.schedule-minutes";
    /** {0} the value. */
    public static final String TIME_ZONE = "import.time-zone";
    /** No argument. */
    public static final String BLANK = "import.blank";
    /** {0} the length, {1} the limit. */
    public static final String TOO_LONG = "import.too-long";
    /** {0} the character, written as \u0000. */
    public static final String CONTROL_CHARACTER = "import.control-character";
    /** {0} the value. */
    public static final String IDENTIFIER = "import.identifier";
    /** {0} the value. */
    public static final String CMDLET_IDENTITY = "import.cmdlet-identity";
    /** {0} the value. */
    public static final String SQL_NAME = "import.sql-name";
    /** {0} the value. */
    public static final String EDITION = "import.edition";

    public static final List<String> ALL = List.of(
            TOO_LARGE,
            EMPTY,
            JSON_SYNTAX,
            JSON_TRUNCATED,
            JSON_LIMIT,
            JSON_TRAILING,
            DUPLICATE_KEY,
            REQUIRED,
            REQUIRED_OR_NULL,
            TYPE_OBJECT,
            TYPE_ARRAY,
            TYPE_STRING,
            TYPE_INTEGER,
            TYPE_BOOLEAN,
            UNKNOWN_FORMAT,
            UNKNOWN_FIELD,
            UNKNOWN_VALUE,
            UNKNOWN_SITE,
            UNKNOWN_INSTANCE,
            DUPLICATE_ID,
            DUPLICATE_FQDN,
            DUPLICATE_KIND,
            DUPLICATE_INSTANCE,
            FQDN,
            INSTANCE_NAME,
            INSTANCE_RESERVED,
            INSTANCE_CHARACTER,
            UNC_PATH,
            SHARE_CHARACTER,
            SHARE_TOO_LONG,
            FILE_NAME_CHARACTER,
            FILE_NAME_TOO_LONG,
            RESERVED_FILE_NAME,
            FILE_NAME_ENDING,
            LOCAL_PATH,
            FOLDER,
            SERVICE_ACCOUNT,
            ACCOUNT_CHARACTER,
            ACCOUNT_ENDING,
            PORT,
            MINUTES,
            SCHEDULE_MINUTES,
            TIME_ZONE,
            BLANK,
            TOO_LONG,
            CONTROL_CHARACTER,
            IDENTIFIER,
            CMDLET_IDENTITY,
            SQL_NAME,
            EDITION);

    private ImportKeys() {}
}
