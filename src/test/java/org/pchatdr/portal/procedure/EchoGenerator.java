package org.pchatdr.portal.procedure;

import java.util.List;
import org.pchatdr.portal.procedure.Procedure.Language;
import org.pchatdr.portal.procedure.Procedure.Note;
import org.pchatdr.portal.procedure.Procedure.Step;
import org.pchatdr.portal.procedure.Procedure.Target;
import org.pchatdr.portal.procedure.Procedure.TargetKind;
import org.pchatdr.portal.topology.Topology;

/**
 * A test-only procedure, {@code test-echo}, registered on the test class path: one T-SQL step per
 * SQL instance of the pool's chat database, one PowerShell step and one manual step, each quoting
 * names from the topology. Variant {@code unsafe} quotes a value with a line break.
 */
public class EchoGenerator implements ProcedureGenerator {

    public static final String NAME = "test-echo";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> variants() {
        return List.of("plain", "unsafe");
    }

    @Override
    public List<Note> warnings(Topology topology, Topology.Pool pool, String variant, ProcedureTexts texts) {
        return List.of(new Note("P-1", "Echo of " + pool.fqdn()));
    }

    @Override
    public List<Step> steps(Topology topology, Topology.Pool pool, String variant, ProcedureTexts texts) {
        Topology.Database chat = pool.database(Topology.DatabaseKind.CHAT).orElseThrow();
        Topology.SqlInstance primary = topology.sqlInstance(chat.primary()).orElseThrow();
        Topology.SqlInstance mirror = topology.sqlInstance(chat.mirror()).orElseThrow();
        String database = "unsafe".equals(variant) ? chat.name() + "\nGO" : chat.name();
        return List.of(
                new Step(
                        0,
                        "M-4",
                        "Set the partner on " + primary.host(),
                        "Echoes the mirror address.",
                        new Target(TargetKind.SQL_INSTANCE, primary.host(), primary.site()),
                        Language.TSQL,
                        "ALTER DATABASE " + Quote.sqlIdentifier(database) + " SET PARTNER = "
                                + Quote.sqlString("TCP://" + mirror.host() + ":5022") + ";",
                        "Commands completed successfully.",
                        "SELECT mirroring_state_desc FROM sys.database_mirroring;",
                        List.of(new Note("P-2", "Step warning")),
                        "ALTER DATABASE " + Quote.sqlIdentifier(database) + " SET PARTNER OFF;"),
                new Step(
                        0,
                        "M-4",
                        "Set the partner on " + mirror.host(),
                        "Echoes the principal address.",
                        new Target(TargetKind.SQL_INSTANCE, mirror.host(), mirror.site()),
                        Language.TSQL,
                        "ALTER DATABASE " + Quote.sqlIdentifier(database) + " SET PARTNER = "
                                + Quote.sqlString("TCP://" + primary.host() + ":5022") + ";",
                        "Commands completed successfully.",
                        null,
                        List.of(),
                        null),
                new Step(
                        0,
                        "F-7",
                        "Show the pool",
                        "Echoes the pool.",
                        new Target(TargetKind.LYNC_MANAGEMENT_SHELL, "Lync Management Shell", pool.primarySite()),
                        Language.POWERSHELL,
                        "Get-CsService -Identity " + Quote.powerShellString(pool.serviceIdentity()),
                        "The pool is listed.",
                        null,
                        List.of(),
                        null),
                new Step(
                        0,
                        "F-0",
                        "Decide",
                        "A person decides.",
                        new Target(TargetKind.OPERATOR, "operator", pool.primarySite()),
                        Language.NONE,
                        null,
                        "A decision.",
                        null,
                        List.of(),
                        null));
    }
}
