package org.pchatdr.portal.audit;

/**
 * The result of walking the hash chain. When it is broken, {@code firstBadSeq} is the first record
 * that does not match and {@code problem} says how ({@link Problem}).
 */
public record ChainVerification(long recordsChecked, Long firstBadSeq, Problem problem, Completeness completeness) {

    public ChainVerification(long recordsChecked, Long firstBadSeq, Problem problem) {
        this(recordsChecked, firstBadSeq, problem, null);
    }

    /** The same integrity result, with the completeness the checkpoints tell (issue 14). */
    public ChainVerification with(Completeness checked) {
        return new ChainVerification(recordsChecked, firstBadSeq, problem, checked);
    }

    public enum Problem {
        /** The record's content no longer gives its stored hash. */
        ALTERED,
        /** The record does not point to the hash of the record before it. */
        RELINKED,
        /** A sequence number is missing: a record was deleted. */
        MISSING,
        /** The chain ends before the last record ever written. */
        TRUNCATED
    }

    public static ChainVerification intact(long recordsChecked) {
        return new ChainVerification(recordsChecked, null, null);
    }

    public boolean isIntact() {
        return problem == null;
    }

    /** The translation key of the sentence that tells the result; its argument is {@link #messageArgument()}. */
    public String messageKey() {
        return isIntact() ? "audit.verify.intact" : "audit.verify.broken." + problem.name();
    }

    /** The records checked when intact, else the first record that does not match. */
    public long messageArgument() {
        return isIntact() ? recordsChecked : firstBadSeq;
    }
}
