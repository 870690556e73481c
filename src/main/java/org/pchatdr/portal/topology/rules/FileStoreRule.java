package org.pchatdr.portal.topology.rules;

import java.util.List;
import org.pchatdr.portal.topology.CheckPhase;
import org.pchatdr.portal.topology.Severity;
import org.pchatdr.portal.topology.Violation;

/**
 * T-16: the pool's file store. Missing, or not a UNC path in a pool of several servers: one
 * warning. Otherwise one reminder (information) that the DR procedures do not protect it, so it
 * needs its own plan (DFS replication or backups every 4–8 hours).
 */
final class FileStoreRule extends PoolRule {

    static final Message MISSING = new Message("rule.T-16.file-store-missing", 1);
    static final Message NOT_UNC = new Message("rule.T-16.file-store-not-unc", 2);
    static final Message DR_PLAN = new Message("rule.T-16.file-store-dr-plan", 2);

    FileStoreRule() {
        super("T-16", MISSING, NOT_UNC, DR_PLAN);
    }

    @Override
    void check(PoolContext pool, CheckPhase phase, List<Violation> violations) {
        String fileStore = pool.pool().fileStore();
        String path = pool.path("fileStore");
        if (Texts.isBlank(fileStore)) {
            violations.add(MISSING.at(Severity.WARNING, path, pool.name()));
        } else if (pool.servers().size() > 1 && !Texts.isUnc(fileStore)) {
            violations.add(NOT_UNC.at(Severity.WARNING, path, pool.name(), fileStore));
        } else {
            violations.add(DR_PLAN.at(Severity.INFO, path, pool.name(), fileStore));
        }
    }
}
