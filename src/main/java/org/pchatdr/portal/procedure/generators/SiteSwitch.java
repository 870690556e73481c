package org.pchatdr.portal.procedure.generators;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.pchatdr.portal.procedure.Procedure.Language;
import org.pchatdr.portal.procedure.Procedure.Note;
import org.pchatdr.portal.procedure.Procedure.Step;
import org.pchatdr.portal.procedure.Procedure.Target;
import org.pchatdr.portal.procedure.ProcedureTexts;
import org.pchatdr.portal.procedure.Quote;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Topology.Database;
import org.pchatdr.portal.topology.Topology.DatabaseKind;
import org.pchatdr.portal.topology.Topology.Pool;
import org.pchatdr.portal.topology.Topology.Server;
import org.pchatdr.portal.topology.Topology.SqlInstance;

/** What site failover and failback share: the active-server choice (T-6) and the Lync cmdlets. */
final class SiteSwitch {

    /** T-1: never more than four active servers. */
    static final int MAX_ACTIVE = 4;

    private SiteSwitch() {}

    /**
     * T-6: the servers of the site whose database is live become the active ones, at most four; those
     * already active come first, then the others in the topology's order. With a low-bandwidth link
     * every active server must sit there; with a high-bandwidth link the documented 2 + 2 layout
     * cannot be kept when one site is lost, so the live site takes all four places.
     */
    static List<Server> activeIn(Pool pool, String liveSite) {
        return pool.servers().stream()
                .filter(server -> liveSite.equals(server.site()))
                .sorted(Comparator.comparing((Server server) -> !server.active()))
                .limit(MAX_ACTIVE)
                .toList();
    }

    static String serviceIdentity(Pool pool) {
        return pool.serviceIdentity() == null ? Pool.defaultServiceIdentity(pool.fqdn()) : pool.serviceIdentity();
    }

    /** {@code -Identity '…' } only when the pool records one (P-1). */
    static String activeServersIdentity(Pool pool) {
        return pool.activeServersIdentity() == null
                ? ""
                : "-Identity " + Quote.powerShellString(pool.activeServersIdentity()) + " ";
    }

    static String activeServer(Pool pool, String operation, Server server) {
        return "Set-CsPersistentChatActiveServer " + activeServersIdentity(pool) + "-ActiveServers @{" + operation + "="
                + Quote.powerShellString(server.fqdn()) + "}";
    }

    static String getActiveServers(Pool pool) {
        return pool.activeServersIdentity() == null
                ? "Get-CsPersistentChatActiveServer"
                : "Get-CsPersistentChatActiveServer -Identity " + Quote.powerShellString(pool.activeServersIdentity());
    }

    static String poolState(Pool pool, String state) {
        return "Set-CsPersistentChatState -Identity " + Quote.powerShellString(serviceIdentity(pool)) + " -PoolState "
                + state;
    }

    static String getPoolState(Pool pool) {
        return "Get-CsPersistentChatState -Identity " + Quote.powerShellString(serviceIdentity(pool));
    }

    static String confirmServiceIdentity() {
        return "Get-CsService -PersistentChatServer | Select-Object Identity, PoolFqdn";
    }

    /** M-2, for {@code mgc} ({@code PersistentChat}) or {@code mgccomp} ({@code PersistentChatCompliance}). */
    static String installMirror(Pool pool, Database database, SqlInstance primary) {
        String type = database.kind() == DatabaseKind.COMPLIANCE ? "PersistentChatCompliance" : "PersistentChat";
        String share = pool.mirroring() != null && pool.mirroring().fileShare() != null
                ? pool.mirroring().fileShare()
                : pool.logShipping().share();
        return "Install-CsMirrorDatabase -DatabaseType " + type + " -FileShare " + Quote.powerShellString(share)
                + " -SqlServerFqdn " + Quote.powerShellString(primary.host())
                + (primary.instance() == null ? "" : " -SqlInstanceName " + Quote.powerShellString(primary.instance()))
                + " -DropExistingDatabasesOnMirror -Verbose";
    }

    static String mirrorState(Pool pool, Database database) {
        String type = database.kind() == DatabaseKind.COMPLIANCE ? "PersistentChatCompliance" : "PersistentChat";
        return "Get-CsDatabaseMirrorState -PoolFqdn " + Quote.powerShellString(pool.fqdn()) + " -DatabaseType " + type;
    }

    /** The Persistent Chat service (RTCCHAT) on each server that is active afterwards. */
    static List<String> services(List<Server> servers) {
        List<String> lines = new ArrayList<>();
        for (Server server : servers) {
            lines.add("Get-CsWindowsService -Name RTCCHAT -ComputerName " + Quote.powerShellString(server.fqdn()));
        }
        return lines;
    }

    static String databaseState(Database database) {
        return "SELECT name, state_desc, recovery_model_desc FROM sys.databases WHERE name = "
                + Quote.sqlString(database.name()) + ";";
    }

    static String mirroringState(Database database) {
        return "SELECT DB_NAME(database_id) AS database_name, mirroring_role_desc, mirroring_state_desc,"
                + " mirroring_partner_instance\nFROM sys.database_mirroring WHERE database_id = DB_ID("
                + Quote.sqlString(database.name()) + ");";
    }

    static String lines(List<String> lines) {
        return String.join("\n", lines);
    }

    static Target sql(Topology topology, String instanceId) {
        return Places.sqlInstance(topology, instanceId);
    }

    /** Collects the steps, each with its texts read from {@code <prefix>.title}, {@code .purpose} … */
    static final class Steps {

        private final ProcedureTexts texts;
        private final List<Step> steps = new ArrayList<>();

        Steps(ProcedureTexts texts) {
            this.texts = texts;
        }

        String text(String key, Object... arguments) {
            return texts.text(key, arguments);
        }

        Note note(String ruleId, String key, Object... arguments) {
            return new Note(ruleId, texts.text(key, arguments));
        }

        /**
         * One step; {@code args} fill the title, purpose and expected texts alike; {@code undo} is
         * already a text (or {@code null} when the step cannot be undone).
         */
        void add(
                String ruleId,
                String key,
                Object[] args,
                Target target,
                Language language,
                String script,
                String verify,
                List<Note> warnings,
                String undo) {
            steps.add(new Step(
                    0,
                    ruleId,
                    texts.text(key + ".title", args),
                    texts.text(key + ".purpose", args),
                    target,
                    language,
                    script,
                    texts.text(key + ".expected", args),
                    verify,
                    warnings,
                    undo));
        }

        List<Step> steps() {
            return List.copyOf(steps);
        }
    }
}
