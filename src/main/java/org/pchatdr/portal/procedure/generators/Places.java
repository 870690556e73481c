package org.pchatdr.portal.procedure.generators;

import java.util.Locale;
import org.pchatdr.portal.procedure.Procedure.Target;
import org.pchatdr.portal.procedure.Procedure.TargetKind;
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
}
