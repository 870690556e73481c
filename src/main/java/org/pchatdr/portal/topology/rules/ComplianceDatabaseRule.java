package org.pchatdr.portal.topology.rules;

import java.util.List;
import java.util.Optional;
import org.pchatdr.portal.topology.CheckPhase;
import org.pchatdr.portal.topology.CopyRole;
import org.pchatdr.portal.topology.Severity;
import org.pchatdr.portal.topology.Topology.Database;
import org.pchatdr.portal.topology.Topology.DatabaseKind;
import org.pchatdr.portal.topology.Violation;

/**
 * T-14: with compliance on, {@code mgccomp} has the same copies as {@code mgc}: for each of the six
 * roles, a copy of one and none of the other is a warning on the compliance database's field (mgc is
 * the model). And Lync names its databases itself: a CHAT database not named {@code mgc} or a
 * COMPLIANCE one not named {@code mgccomp} (ignoring case, as SQL Server does) is a warning too.
 */
final class ComplianceDatabaseRule extends PoolRule {

    static final Message UNEXPECTED_NAME = new Message("rule.T-14.unexpected-name", 3);
    static final Message COPY_MISSING = new Message("rule.T-14.copy-missing", 4);
    static final Message COPY_EXTRA = new Message("rule.T-14.copy-extra", 4);

    ComplianceDatabaseRule() {
        super("T-14", UNEXPECTED_NAME, COPY_MISSING, COPY_EXTRA);
    }

    @Override
    void check(PoolContext pool, CheckPhase phase, List<Violation> violations) {
        for (int index = 0; index < pool.databases().size(); index++) {
            Database database = pool.databases().get(index);
            String expected = database.kind() == DatabaseKind.CHAT
                    ? "mgc"
                    : database.kind() == DatabaseKind.COMPLIANCE ? "mgccomp" : null;
            if (expected != null && !Texts.isBlank(database.name()) && !expected.equalsIgnoreCase(database.name())) {
                violations.add(UNEXPECTED_NAME.at(
                        Severity.WARNING,
                        pool.databasePath(index, "name"),
                        database.name(),
                        database.kind().name(),
                        expected));
            }
        }
        Optional<Integer> chat = pool.databaseIndex(DatabaseKind.CHAT);
        Optional<Integer> compliance = pool.databaseIndex(DatabaseKind.COMPLIANCE);
        if (chat.isEmpty() || compliance.isEmpty()) {
            return;
        }
        Database mgc = pool.databases().get(chat.get());
        Database mgccomp = pool.databases().get(compliance.get());
        for (CopyRole role : CopyRole.values()) {
            String chatCopy = role.instanceId(mgc);
            String complianceCopy = role.instanceId(mgccomp);
            if ((chatCopy == null) == (complianceCopy == null)) {
                continue;
            }
            // One of the two has the copy: mgccomp misses it, or has one mgc does not.
            Message message = chatCopy != null ? COPY_MISSING : COPY_EXTRA;
            violations.add(message.at(
                    Severity.WARNING,
                    pool.databasePath(compliance.get(), role.field()),
                    role.field(),
                    pool.databaseName(compliance.get()),
                    pool.databaseName(chat.get()),
                    chatCopy != null ? chatCopy : complianceCopy));
        }
    }
}
