package org.pchatdr.portal.run;

import java.util.Optional;
import org.pchatdr.portal.approval.SubjectApprovals;

/**
 * A feature that stands behind configuration runs it asked for, as it contributes it (decision
 * 010's pattern): change control's change requests (issue 13). A sponsored run has no approval
 * round of its own: the approvals that let it start are the sponsor's, and the sponsor may refuse
 * each step (a change's window and freezes). The run module never depends on the sponsor.
 */
public interface RunSponsor {

    /**
     * Who stands behind a run, for the audit trail ({@code "change request 12, revision 3"}), and
     * the approvals that stand for the run's own: they are judged by the run's rules (four eyes,
     * the executor rule) as its own would be.
     */
    record Sponsorship(String name, SubjectApprovals approvals) {}

    /** The sponsorship of run {@code runId}, when this feature asked for it. */
    Optional<Sponsorship> sponsorship(long runId);

    /**
     * Throws a {@code PortalException} when step {@code number} of run {@code runId}, which this
     * feature sponsors, may not start now; does nothing for a run it does not sponsor. Asked only of
     * a run some sponsor's {@link #sponsorship} answered for.
     */
    void beforeStep(long runId, int number);
}
