package org.pchatdr.portal.run;

import java.time.Instant;

/**
 * Something an approver must decide on a run, since {@code since}; {@code step} names the step of a
 * skip or of the data-loss gate.
 */
public record InboxItem(RunSummary run, Need need, Integer step, Instant since) {

    public enum Need {
        APPROVAL,
        RATIFICATION,
        SKIP,
        DATA_LOSS
    }
}
