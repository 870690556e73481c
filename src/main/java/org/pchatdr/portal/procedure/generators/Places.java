package org.pchatdr.portal.procedure.generators;

import java.util.Locale;
import java.util.Optional;
import org.pchatdr.portal.procedure.Procedure.Target;
import org.pchatdr.portal.procedure.Procedure.TargetKind;
import org.pchatdr.portal.procedure.ProcedureGenerator;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Topology.SqlInstance;

/** Where steps run and how they name SQL instances, the same way in every procedure. */
public final class Places {

    private Places() {}

    /** {@code host\instance}, or {@code host} for the default instance: what SSMS and sqlcmd connect to. */
    public static String connectName(SqlInstance instance) {
        return instance.instance() == null ? instance.host() : instance.host() + "\\" + instance.instance();
    }

    /** {@code TCP://host:port}: a database mirroring partner or witness address (M-4). */
    public static String mirroringAddress(SqlInstance instance, int port) {
        return "TCP://" + instance.host().toLowerCase(Locale.ROOT) + ":" + port;
    }

    public static SqlInstance instance(Topology topology, String id) {
        return topology.sqlInstance(id)
                .orElseThrow(() -> new IllegalArgumentException("No SQL instance " + id + " in the topology"));
    }

    public static Target sqlInstance(Topology topology, String id) {
        SqlInstance instance = instance(topology, id);
        return new Target(TargetKind.SQL_INSTANCE, connectName(instance), instance.site());
    }

    /** The Lync Management Shell, run on a server of the pool's site {@code site}. */
    public static Target lyncShell(String site) {
        return new Target(TargetKind.LYNC_MANAGEMENT_SHELL, "Lync Management Shell", site);
    }

    public static Target operator(String site) {
        return new Target(TargetKind.OPERATOR, "operator", site);
    }

    /** A folder or share, worked on from a server of {@code site} (copying log backups, F-2). */
    public static Target folder(String path, String site) {
        return new Target(TargetKind.FILE_SYSTEM, path, site);
    }

    /** The Lync Management Shell on a server of the pool's primary site, where configuration runs. */
    public static Target lyncShell(Topology.Pool pool) {
        return lyncShell(pool.primarySite());
    }

    /** True when the service runs as Local System or Network Service: on the network it is the computer account. */
    public static boolean runsAsComputer(SqlInstance instance) {
        String account = instance.serviceAccount() == null
                ? ""
                : instance.serviceAccount().strip();
        return account.equalsIgnoreCase("LocalSystem")
                || account.equalsIgnoreCase("NetworkService")
                || account.equalsIgnoreCase("NT AUTHORITY\\SYSTEM")
                || account.equalsIgnoreCase("NT AUTHORITY\\NETWORK SERVICE");
    }

    /**
     * The Windows login other instances see for {@code instance}'s service: the domain account as
     * written, or {@code DOMAIN\HOST$} for Local System and Network Service (M-2). The domain is
     * taken from a {@code DOMAIN\account} service account elsewhere in the topology (M-3: one
     * domain); when there is none, it is guessed from the host's DNS name and {@code guessed} says so.
     */
    public static NetworkLogin networkLogin(Topology topology, SqlInstance instance) {
        if (!runsAsComputer(instance)) {
            return new NetworkLogin(instance.serviceAccount(), false, false);
        }
        String computer = instance.host().split("\\.", -1)[0].toUpperCase(Locale.ROOT) + "$";
        Optional<String> domain = topology.sqlInstances().stream()
                .map(SqlInstance::serviceAccount)
                .filter(account -> account != null && account.indexOf('\\') > 0)
                .filter(account -> !account.toUpperCase(Locale.ROOT).startsWith("NT AUTHORITY\\"))
                .map(account -> account.substring(0, account.indexOf('\\')))
                .findFirst();
        if (domain.isPresent()) {
            return new NetworkLogin(domain.get() + "\\" + computer, true, false);
        }
        String[] labels = instance.host().split("\\.", -1);
        String guess = labels.length > 1 ? labels[1].toUpperCase(Locale.ROOT) : "DOMAIN";
        return new NetworkLogin(guess + "\\" + computer, true, true);
    }

    /** A service account as a Windows login; {@code computer} for a computer account, {@code guessed} when its domain is a guess. */
    public record NetworkLogin(String login, boolean computer, boolean guessed) {}

    /** {@code mgc}, the database every procedure protects; a pool without one has no procedure. */
    public static Topology.Database chatDatabase(Topology.Pool pool) {
        return pool.database(Topology.DatabaseKind.CHAT)
                .orElseThrow(
                        () -> new ProcedureGenerator.NotApplicable("—", "procedure.not-applicable.no-chat-database"));
    }
}
