package org.pchatdr.portal.audit;

/**
 * Whether the trail still holds every record it ever held (issue 14), reported apart from the hash
 * chain's integrity: a chain whose last records were deleted, and whose head was moved back with
 * them, is intact yet incomplete. Signed checkpoints written outside the database tell.
 *
 * @param lastRecordSeq the last record in the database
 * @param checkpoints how many signed checkpoints were checked
 * @param lastCheckpointSeq the sequence number the latest checkpoint vouches for, or {@code null}
 * @param problem what is missing or wrong, {@code null} when complete
 * @param at the first sequence number concerned
 */
public record Completeness(long lastRecordSeq, int checkpoints, Long lastCheckpointSeq, Problem problem, Long at) {

    public enum Problem {
        /** A sequence number is missing in the middle of the trail. */
        GAP,
        /** Records a checkpoint vouched for are gone from the end of the trail. */
        TRUNCATED,
        /** The record a checkpoint vouched for now has another hash: the trail was rewritten. */
        REWRITTEN,
        /** A checkpoint file does not carry the evidence key's signature. */
        FORGED_CHECKPOINT
    }

    public boolean isComplete() {
        return problem == null;
    }

    public String messageKey() {
        return isComplete() ? "audit.completeness.complete" : "audit.completeness." + problem.name();
    }
}
