package org.pchatdr.portal.procedure.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.procedure.Procedure;

class ProcedureFilesTest {

    @Test
    void charactersUnsafeInFileNamesBecomeDashes() {
        Procedure procedure = procedure("site-failover", "planned", "pchat/contoso:local");

        assertThat(ProcedureFiles.fileName(procedure, "SQL01\\MGC <main>", "sql"))
                .isEqualTo("site-failover-planned-pchat-contoso-local-v7-SQL01-MGC-main.sql");
    }

    @Test
    void aProcedureWithoutVariantHasNoVariantInItsName() {
        assertThat(ProcedureFiles.fileName(procedure("configure-mirroring", null, "pchat.contoso.local"), null, "md"))
                .isEqualTo("configure-mirroring-pchat.contoso.local-v7.md");
    }

    @Test
    void nonLatinLettersStayReadable() {
        assertThat(ProcedureFiles.fileName(procedure("site-failback", null, "чат.пример.рф"), "СКЛ01", "sql"))
                .isEqualTo("site-failback-чат.пример.рф-v7-СКЛ01.sql");
    }

    @Test
    void scriptsGetOneByteOrderMarkSoThatWindowsReadsThemAsUtf8() {
        String once = ProcedureFiles.withByteOrderMark("SELECT 1;");

        assertThat(once).isEqualTo("\uFEFFSELECT 1;");
        assertThat(ProcedureFiles.withByteOrderMark(once)).isEqualTo(once);
    }

    private static Procedure procedure(String name, String variant, String pool) {
        return new Procedure(
                name,
                variant,
                pool,
                new Procedure.TopologyRef("Contoso", 7, "ab"),
                Instant.EPOCH,
                List.of(),
                List.of());
    }
}
