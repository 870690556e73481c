package org.pchatdr.portal.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pchatdr.portal.topology.TopologyValues.Kind;
import org.pchatdr.portal.topology.TopologyValues.Problem;

class TopologyValuesTest {

    private static final String HUGE = "a".repeat(100_000);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "pchat.contoso.local",
                "PC01.Contoso.Local",
                "sql-01.eu-west.contoso.co.uk",
                "a.b",
                "xn--bcher-kva.example",
                "1pc.contoso.local"
            })
    void acceptsFqdns(String value) {
        assertThat(TopologyValues.isFqdn(value)).isTrue();
        assertThat(TopologyValues.problem(Kind.FQDN, value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "pchat",
                "pchat.contoso.local.",
                ".contoso.local",
                "pc01..contoso.local",
                "-pc.contoso.local",
                "pc-.contoso.local",
                "pc_01.contoso.local",
                "pc 01.contoso.local",
                "10.0.0.1",
                "pc\".contoso.local",
                "pc;.contoso.local",
                "pc].contoso.local",
                "пчат.contoso.local",
                "pc01.contoso.local\n",
                "pc01.contoso.local\u0000"
            })
    void refusesWhatIsNotAnFqdn(String value) {
        assertThat(TopologyValues.isFqdn(value)).isFalse();
        assertThat(TopologyValues.isValid(Kind.FQDN, value)).isFalse();
    }

    @Test
    void refusesLabelsAndNamesTooLongForDns() {
        assertThat(TopologyValues.isFqdn("a".repeat(63) + ".local")).isTrue();
        assertThat(TopologyValues.isFqdn("a".repeat(64) + ".local")).isFalse();
        String longest = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(61));
        assertThat(longest).hasSize(253);
        assertThat(TopologyValues.isFqdn(longest)).isTrue();
        assertThat(TopologyValues.isFqdn(longest + "d")).isFalse();
        assertThat(TopologyValues.isFqdn(HUGE + ".local")).isFalse();
        assertThat(TopologyValues.problem(Kind.FQDN, HUGE))
                .contains(new Problem("import.too-long", List.of("100000", "253")));
    }

    @Test
    void hostNamesAreSingleLabels() {
        assertThat(TopologyValues.isHostName("fs01")).isTrue();
        assertThat(TopologyValues.isHostName("FS-01")).isTrue();
        assertThat(TopologyValues.isHostName("fs01.contoso.local")).isFalse();
        assertThat(TopologyValues.isHostName("1234")).isFalse();
        assertThat(TopologyValues.isHostName("fs_01")).isFalse();
        assertThat(TopologyValues.isHostName("fs01;")).isFalse();
        assertThat(TopologyValues.isHostName("")).isFalse();
        assertThat(TopologyValues.isHostName(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CONTOSO", "contoso-eu", "FABRIKAM2", "A", "ABCDEFGHIJKLMNO"})
    void acceptsNetBiosNames(String value) {
        assertThat(TopologyValues.isNetBiosName(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"ABCDEFGHIJKLMNOP", "CON TOSO", "CONTOSO.LOCAL", "123", "-CONTOSO", "ÉCOLE", "CONT\"OSO", ""})
    void refusesOtherNetBiosNames(String value) {
        assertThat(TopologyValues.isNetBiosName(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "PCHAT",
                "pchat",
                "PCHAT_B",
                "_chat",
                "SQL2012$A",
                "A",
                "ABCDEFGHIJKLMNOP",
                "MGCCOMP",
                "PCHÂT",
                "ПЧАТ",
                "Ωμέγα_2",
                "中文实例"
            })
    void acceptsInstanceNames(String value) {
        assertThat(TopologyValues.isInstanceName(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1PCHAT",
                "$PCHAT",
                "PC-HAT",
                "PC HAT",
                "ABCDEFGHIJKLMNOPQ",
                "PCHAT;",
                "PCHAT]",
                "PC'HAT",
                "PC&HAT",
                "PC#1",
                "PC@A",
                "PC,A",
                "PC:A",
                "PC\\A",
                "PC’HAT",
                "PCHAT\n",
                ""
            })
    void refusesMalformedInstanceNames(String value) {
        assertThat(TopologyValues.isInstanceName(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DEFAULT", "Default", "MSSQLSERVER", "MSSQLServer", "select", "BACKUP", "Primary"})
    void refusesReservedInstanceNames(String value) {
        assertThat(TopologyValues.isInstanceName(value)).isFalse();
        assertThat(TopologyValues.isReservedInstanceName(value)).isTrue();
        assertThat(TopologyValues.problem(Kind.INSTANCE_NAME, value))
                .contains(new Problem("import.instance-reserved", List.of(value)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\\\\fs01.contoso.local\\pchat-files",
                "\\\\fs01\\share",
                "\\\\10.0.0.12\\LogShip$",
                "\\\\fs01.contoso.local\\LogShip$\\mgc\\2026",
                "\\\\dfs.northwind.ch\\SQL-Amorçage\\Journaux copiés",
                "\\\\fs01\\share (old)\\a+b~c#d@e,f"
            })
    void acceptsUncPaths(String value) {
        assertThat(TopologyValues.isUncPath(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\\\\fs01",
                "\\\\fs01\\",
                "\\\\fs01\\share\\",
                "\\fs01\\share",
                "//fs01/share",
                "\\\\\\share",
                "\\\\fs01\\sh<are",
                "\\\\fs01\\sh>are",
                "\\\\fs01\\sh:are",
                "\\\\fs01\\sh\"are",
                "\\\\fs01\\sh|are",
                "\\\\fs01\\sh?are",
                "\\\\fs01\\sh*are",
                "\\\\fs01\\share\\new\nline",
                "\\\\fs01\\share\\nul\u0000",
                "\\\\fs01\\share\\..",
                "\\\\fs01\\share\\trailing.",
                "\\\\fs 01\\share",
                "\\\\fs01;rm\\share",
                "D:\\share"
            })
    void refusesMalformedUncPaths(String value) {
        assertThat(TopologyValues.isUncPath(value)).isFalse();
    }

    /** C-11: every name Windows accepts for a share or a folder is accepted, then quoted where it is used. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "\\\\fs01\\o'brien-logship",
                "\\\\fs01\\Logs & Backups$",
                "\\\\fs01\\Journaux d'expédition",
                "\\\\fs01.contoso.local\\O’Brien‘s ‛logs’\\2026",
                "\\\\fs01\\100% {x} (y) @~!#`^\\a;b,c=d+e[1]",
                "\\\\fs01\\$(whoami)\\`$env_x",
                "\\\\fs01\\共有\\Общий\\Straße 🚀",
                "\\\\fs01\\ leading\\ also leading",
                "\\\\fs01\\share.\\x",
                "\\\\fs01\\share\\CONSOLE\\NULL.d\\COM0"
            })
    void acceptsEveryShareAndFolderNameWindowsAccepts(String value) {
        assertThat(TopologyValues.problem(Kind.UNC_PATH, value)).isEmpty();
        assertThat(TopologyValues.problem(Kind.FOLDER, value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"D:\\Journaux d'expédition\\$(x)", "E:\\a,b=c+d[1];e", "F:\\O’Brien\\中文\\🚀"})
    void acceptsEveryLocalFolderNameWindowsAccepts(String value) {
        assertThat(TopologyValues.problem(Kind.LOCAL_PATH, value)).isEmpty();
        assertThat(TopologyValues.problem(Kind.FOLDER, value)).isEmpty();
    }

    @Test
    void aShareNameRefusesWhatMsFsccRefusesAndSaysWhich() {
        String path = "\\\\fs01\\logs[old]";
        assertThat(TopologyValues.problem(Kind.UNC_PATH, path))
                .contains(new Problem("import.share-character", List.of(path, "logs[old]", "[", "U+005B")));
        for (char refused : "\"/[]:|<>+=;,*?".toCharArray()) {
            assertThat(TopologyValues.problem(Kind.UNC_PATH, "\\\\fs01\\a" + refused + "b"))
                    .as("share name with %s", refused)
                    .get()
                    .extracting(Problem::messageKey)
                    .isEqualTo("import.share-character");
        }
        assertThat(TopologyValues.problem(Kind.UNC_PATH, "\\\\fs01\\" + "s".repeat(81)))
                .contains(new Problem("import.share-too-long", List.of("s".repeat(60) + "…", "81", "80")));
        assertThat(TopologyValues.isUncPath("\\\\fs01\\" + "s".repeat(80))).isTrue();
        assertThat(TopologyValues.problem(Kind.UNC_PATH, "\\\\fs01\\.."))
                .contains(new Problem("import.reserved-file-name", List.of("\\\\fs01\\..", "..")));
    }

    @Test
    void aFolderNameRefusesWhatWindowsRefusesAndSaysWhich() {
        assertThat(TopologyValues.problem(Kind.UNC_PATH, "\\\\fs01\\share\\what?"))
                .contains(new Problem(
                        "import.file-name-character", List.of("\\\\fs01\\share\\what?", "what?", "?", "U+003F")));
        for (char refused : "\"/:|<>*?".toCharArray()) {
            assertThat(TopologyValues.problem(Kind.LOCAL_PATH, "D:\\a" + refused + "b"))
                    .as("folder name with %s", refused)
                    .get()
                    .extracting(Problem::messageKey)
                    .isIn("import.file-name-character");
        }
        assertThat(TopologyValues.problem(Kind.LOCAL_PATH, "D:\\logs\\nul.txt"))
                .contains(new Problem("import.reserved-file-name", List.of("D:\\logs\\nul.txt", "nul.txt")));
        assertThat(TopologyValues.problem(Kind.UNC_PATH, "\\\\fs01\\share\\CON"))
                .contains(new Problem("import.reserved-file-name", List.of("\\\\fs01\\share\\CON", "CON")));
        assertThat(TopologyValues.problem(Kind.FOLDER, "D:\\logs "))
                .contains(new Problem("import.file-name-ending", List.of("D:\\logs ", "logs ")));
        assertThat(TopologyValues.problem(Kind.FOLDER, "\\\\fs01\\share\\logs."))
                .contains(new Problem("import.file-name-ending", List.of("\\\\fs01\\share\\logs.", "logs.")));
        assertThat(TopologyValues.problem(Kind.LOCAL_PATH, "D:\\" + "f".repeat(256)))
                .contains(new Problem("import.file-name-too-long", List.of("f".repeat(60) + "…", "256", "255")));
        assertThat(TopologyValues.problem(Kind.UNC_PATH, "\\\\fs01\\share\\new\nline"))
                .contains(new Problem("import.control-character", List.of("\\u000A")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "FABRIKAM\\o'neill",
                "FABRIKAM\\O’Neill",
                "FABRIKAM\\Zoë Dupont",
                "FABRIKAM\\王小明",
                "FABRIKAM\\svc&sql#1!",
                "FABRIKAM\\$(x)`y",
                "FABRIKAM\\gmsa-pchat$"
            })
    void acceptsEveryAccountNameActiveDirectoryAccepts(String value) {
        assertThat(TopologyValues.problem(Kind.SERVICE_ACCOUNT, value)).isEmpty();
    }

    @Test
    void anAccountNameRefusesWhatActiveDirectoryRefusesAndSaysWhich() {
        assertThat(TopologyValues.problem(Kind.SERVICE_ACCOUNT, "FABRIKAM\\svc@fabrikam"))
                .contains(new Problem("import.account-character", List.of("FABRIKAM\\svc@fabrikam", "@", "U+0040")));
        for (char refused : "\"/\\[]:;|=,+*?<>@".toCharArray()) {
            assertThat(TopologyValues.problem(Kind.SERVICE_ACCOUNT, "FABRIKAM\\a" + refused + "b"))
                    .as("account name with %s", refused)
                    .get()
                    .extracting(Problem::messageKey)
                    .isEqualTo("import.account-character");
        }
        assertThat(TopologyValues.problem(Kind.SERVICE_ACCOUNT, "FABRIKAM\\svc."))
                .contains(new Problem("import.account-ending", List.of("FABRIKAM\\svc.")));
        assertThat(TopologyValues.problem(Kind.SERVICE_ACCOUNT, "FABRIKAM\\. ."))
                .contains(new Problem("import.account-ending", List.of("FABRIKAM\\. .")));
        assertThat(TopologyValues.problem(Kind.SERVICE_ACCOUNT, "FABRIKAM\\" + "a".repeat(21)))
                .contains(new Problem("import.service-account", List.of("FABRIKAM\\" + "a".repeat(21))));
    }

    @Test
    void anInstanceNameRefusesWhatSqlServerSetupRefusesAndSaysWhich() {
        assertThat(TopologyValues.problem(Kind.INSTANCE_NAME, "PC HAT"))
                .contains(new Problem("import.instance-character", List.of("PC HAT", " ", "U+0020")));
        for (char refused : " \\,:;'&#@-".toCharArray()) {
            assertThat(TopologyValues.problem(Kind.INSTANCE_NAME, "PC" + refused + "A"))
                    .as("instance name with %s", refused)
                    .get()
                    .extracting(Problem::messageKey)
                    .isEqualTo("import.instance-character");
        }
        assertThat(TopologyValues.problem(Kind.INSTANCE_NAME, "ÉCHO_1")).isEmpty();
        assertThat(TopologyValues.problem(Kind.INSTANCE_NAME, "1PCHAT"))
                .contains(new Problem("import.instance-name", List.of("1PCHAT")));
        assertThat(TopologyValues.problem(Kind.INSTANCE_NAME, "A".repeat(17)))
                .contains(new Problem("import.too-long", List.of("17", "16")));
    }

    @Test
    void refusesUncPathsBeyondMaxPath() {
        String path = "\\\\fs01\\share\\" + "a".repeat(246);
        assertThat(path).hasSize(259);
        assertThat(TopologyValues.isUncPath(path)).isTrue();
        assertThat(TopologyValues.isUncPath(path + "\\b")).isFalse();
        assertThat(TopologyValues.isUncPath("\\\\fs01\\" + "s".repeat(81))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"D:\\PChatLogShipCopy", "D:\\", "e:\\Log Shipping\\Copy", "F:\\Journaux copiés\\mgc$"})
    void acceptsLocalPaths(String value) {
        assertThat(TopologyValues.isWindowsLocalPath(value)).isTrue();
        assertThat(TopologyValues.isValid(Kind.FOLDER, value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "D:",
                "D:PChat",
                "D:/PChat",
                "DD:\\PChat",
                "1:\\PChat",
                "D:\\PChat\\",
                "D:\\PChat\\\\Copy",
                "D:\\PC:hat",
                "D:\\PC*hat",
                "D:\\PChat\r\n",
                "PChat",
                "\\\\fs01\\share"
            })
    void refusesMalformedLocalPaths(String value) {
        assertThat(TopologyValues.isWindowsLocalPath(value)).isFalse();
    }

    @Test
    void folderMeansLocalOrUnc() {
        assertThat(TopologyValues.isValid(Kind.FOLDER, "\\\\sqlpc11\\LogShipCopy"))
                .isTrue();
        assertThat(TopologyValues.problem(Kind.FOLDER, "LogShipCopy"))
                .contains(new Problem("import.folder", List.of("LogShipCopy")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "LocalSystem",
                "NetworkService",
                "CONTOSO\\svc-sqlpc",
                "contoso\\svc.sql_01",
                "FABRIKAM\\gmsa-sql$",
                "CONTOSO\\SQLPC01$",
                "CONTOSO\\abcdefghijklmnopqrst"
            })
    void acceptsServiceAccounts(String value) {
        assertThat(TopologyValues.isServiceAccount(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "localsystem",
                "Local System",
                "NT AUTHORITY\\SYSTEM",
                "svc-sqlpc",
                "svc-sqlpc@contoso.local",
                "CONTOSO\\",
                "\\svc",
                "CONTOSO\\svc\\x",
                "CONTOSO\\svc\"",
                "CONTOSO\\svc;",
                "CONTOSO\\svc]",
                "CONTOSO\\svc.",
                "CONTOSO\\abcdefghijklmnopqrstu",
                "CONTOSO\\svc\n",
                "CONTOSO.LOCAL\\svc"
            })
    void refusesOtherServiceAccounts(String value) {
        assertThat(TopologyValues.isServiceAccount(value)).isFalse();
    }

    @Test
    void portsRunFromOneTo65535() {
        assertThat(TopologyValues.isPort(1)).isTrue();
        assertThat(TopologyValues.isPort(1433)).isTrue();
        assertThat(TopologyValues.isPort(65535)).isTrue();
        assertThat(TopologyValues.isPort(0)).isFalse();
        assertThat(TopologyValues.isPort(-1433)).isFalse();
        assertThat(TopologyValues.isPort(65536)).isFalse();
        assertThat(TopologyValues.isPort(Long.MAX_VALUE)).isFalse();
    }

    @Test
    void minutesStartAtZeroAndSchedulesAtOne() {
        assertThat(TopologyValues.isMinutes(0)).isTrue();
        assertThat(TopologyValues.isMinutes(4320)).isTrue();
        assertThat(TopologyValues.isMinutes(-1)).isFalse();
        assertThat(TopologyValues.isMinutes(1L + Integer.MAX_VALUE)).isFalse();
        assertThat(TopologyValues.isScheduleMinutes(1)).isTrue();
        assertThat(TopologyValues.isScheduleMinutes(0)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Paris", "America/Toronto", "Asia/Tokyo", "UTC", "Etc/GMT-2"})
    void acceptsIanaTimeZones(String value) {
        assertThat(TopologyValues.isTimeZone(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Z",
                "+01:00",
                "UTC+1",
                "GMT+01:00",
                "europe/paris",
                "Europe/Paris ",
                "Paris",
                "Romance Standard Time"
            })
    void refusesOffsetsAndUnknownZones(String value) {
        assertThat(TopologyValues.isTimeZone(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PAR", "par-sql-1", "lyo.sql_2", "1"})
    void acceptsIdentifiers(String value) {
        assertThat(TopologyValues.isIdentifier(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-PAR", "PAR SQL", "PAR;", "PAR'", "PAR]", "ПАР", "PAR\u0000", ""})
    void refusesHostileIdentifiers(String value) {
        assertThat(TopologyValues.isIdentifier(value)).isFalse();
        assertThat(TopologyValues.isIdentifier("a".repeat(65))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "PersistentChatServer:pchat.contoso.local",
                "service:pchat.contoso.local",
                "PChatServerCollection",
                "global"
            })
    void acceptsCmdletIdentities(String value) {
        assertThat(TopologyValues.isCmdletIdentity(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"service: pchat.contoso.local", "\"global\"", "global;Remove-Item", "global`", "$(whoami)", ""})
    void refusesHostileCmdletIdentities(String value) {
        assertThat(TopologyValues.isCmdletIdentity(value)).isFalse();
    }

    @Test
    void sqlNamesAndEditionsAreAsciiWords() {
        assertThat(TopologyValues.isSqlName("mgc")).isTrue();
        assertThat(TopologyValues.isSqlName("mgccomp")).isTrue();
        assertThat(TopologyValues.isSqlName("AG_PCHAT")).isTrue();
        assertThat(TopologyValues.isSqlName("mgc]")).isFalse();
        assertThat(TopologyValues.isSqlName("mgc-comp")).isFalse();
        assertThat(TopologyValues.isSqlName("1mgc")).isFalse();
        assertThat(TopologyValues.isEdition("Enterprise")).isTrue();
        assertThat(TopologyValues.isEdition("Business Intelligence")).isTrue();
        assertThat(TopologyValues.isEdition("Enterprise  Core")).isFalse();
        assertThat(TopologyValues.isEdition("Enterprise'")).isFalse();
        assertThat(TopologyValues.isEdition(" Standard")).isFalse();
    }

    @Test
    void displayNamesAcceptEveryScriptButNoControlCharacter() {
        assertThat(TopologyValues.isName("Contoso \"prod\"; [Paris] 東京 Москва 🚀"))
                .isTrue();
        assertThat(TopologyValues.isName("a".repeat(200))).isTrue();
        assertThat(TopologyValues.isName("a".repeat(201))).isFalse();
        assertThat(TopologyValues.isName("   ")).isFalse();
        assertThat(TopologyValues.isName("Paris\nLyon")).isFalse();
        assertThat(TopologyValues.isName("Paris\u0000")).isFalse();
        assertThat(TopologyValues.isName("Paris\u202Etxet")).isFalse();
        assertThat(TopologyValues.isName("Paris\u2028")).isFalse();
        assertThat(TopologyValues.isName("Paris\uD800")).isFalse();
    }

    @Test
    void problemsComeInTheOrderAFormShowsThem() {
        assertThat(TopologyValues.problem(Kind.FQDN, null)).contains(new Problem("import.blank", List.of()));
        assertThat(TopologyValues.problem(Kind.FQDN, " ")).contains(new Problem("import.blank", List.of()));
        assertThat(TopologyValues.problem(Kind.FQDN, "pc01\t"))
                .contains(new Problem("import.control-character", List.of("\\u0009")));
        assertThat(TopologyValues.problem(Kind.NAME, "x".repeat(300)))
                .contains(new Problem("import.too-long", List.of("300", "200")));
        assertThat(TopologyValues.problem(Kind.UNC_PATH, "C:\\x"))
                .contains(new Problem("import.unc-path", List.of("C:\\x")));
        assertThat(TopologyValues.problem(Kind.SERVICE_ACCOUNT, "CONTOSO\\svc")).isEmpty();
        assertThat(TopologyValues.problem(Kind.TIME_ZONE, "Z")).contains(new Problem("import.time-zone", List.of("Z")));
    }

    @Test
    void everyKindHasAMaximumLength() {
        for (Kind kind : Kind.values()) {
            assertThat(TopologyValues.problem(kind, "a".repeat(kind.maxLength() + 1)))
                    .as(kind.name())
                    .get()
                    .extracting(Problem::messageKey)
                    .isEqualTo("import.too-long");
        }
    }
}
