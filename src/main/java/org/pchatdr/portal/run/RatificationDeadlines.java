package org.pchatdr.portal.run;

import org.pchatdr.portal.base.SystemActor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Puts emergency starts whose ratification is overdue on the audit trail, once each, whichever
 * portal instance gets there first (the run's row lock and recorded flag decide).
 *
 * <p>The portal's own job, run by the scheduler (tests call it to move time on), as the portal.
 */
@Component
public record RatificationDeadlines(RunService runs) {

    /** Records every overdue ratification not recorded yet, each in its own transaction; returns how many. */
    @Scheduled(
            fixedDelayString = "${portal.sweep.interval-ms:60000}",
            initialDelayString = "${portal.sweep.interval-ms:60000}")
    public int sweep() {
        return SystemActor.call(() -> (int) runs.overdueUnrecorded().stream()
                .filter(runs::recordOverdueRatification)
                .count());
    }
}
