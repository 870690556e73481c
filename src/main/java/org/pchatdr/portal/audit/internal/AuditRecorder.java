package org.pchatdr.portal.audit.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.pchatdr.portal.base.AuditableEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends every {@link AuditableEvent} to the chain, synchronously and in the publisher's
 * transaction: the change and its record commit together, and a failed append undoes the change.
 */
@Component
class AuditRecorder {

    private final AuditRecordRepository records;
    private final ChainHeadRepository heads;
    private final Clock clock;

    AuditRecorder(AuditRecordRepository records, ChainHeadRepository heads, Clock clock) {
        this.records = records;
        this.heads = heads;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    void record(AuditableEvent event) {
        ChainHead head = heads.lockHead().orElseThrow(() -> new IllegalStateException("audit_chain_head row missing"));
        AuditRecord record = new AuditRecord(
                head.getLastSeq() + 1,
                // Millisecond precision survives every database's timestamp type, so the hash does too.
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                event.actor(),
                event.action(),
                event.target(),
                event.details(),
                clientAddress(),
                head.getLastHash());
        records.save(record);
        head.advanceTo(record);
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return null;
    }
}
