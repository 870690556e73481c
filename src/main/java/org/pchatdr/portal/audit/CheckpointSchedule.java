package org.pchatdr.portal.audit;

import org.pchatdr.portal.base.SystemActor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Signs the chain head every {@code portal.audit.checkpoint-interval-ms} (an hour by default). */
@Component
record CheckpointSchedule(AuditService audit) {

    @Scheduled(
            initialDelayString = "${portal.audit.checkpoint-interval-ms}",
            fixedDelayString = "${portal.audit.checkpoint-interval-ms}")
    void checkpoint() {
        SystemActor.call(audit::checkpoint);
    }
}
