package org.pchatdr.portal.audit.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.pchatdr.portal.audit.AuditForwardSettings;
import org.pchatdr.portal.base.AuditMessage;
import org.pchatdr.portal.base.AuditableEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends every {@link AuditableEvent} to the chain, synchronously and in the publisher's
 * transaction: the change and its record commit together, and a failed append undoes the change.
 * With forwarding on, the record's outbox row commits with them too (decision 022).
 */
@Component
class AuditRecorder {

    private final AuditRecordRepository records;
    private final EntityManager entities;
    private final OutboxRepository outbox;
    private final boolean forwarding;
    private final Clock clock;
    private final MessageSource messages;
    private final Timer appendTime;

    AuditRecorder(
            AuditRecordRepository records,
            EntityManager entities,
            OutboxRepository outbox,
            AuditForwardSettings forward,
            Clock clock,
            MessageSource messages,
            MeterRegistry meters) {
        this.records = records;
        this.entities = entities;
        this.outbox = outbox;
        this.forwarding = forward.enabled();
        this.clock = clock;
        this.messages = messages;
        // Issue 16: includes the wait for the chain head's lock, where instances queue behind each other.
        this.appendTime = Timer.builder("portal.audit.append")
                .description("Appending one record to the audit chain, the wait for the chain head included")
                .register(meters);
    }

    @EventListener
    @Transactional
    void record(AuditableEvent event) {
        appendTime.record(() -> append(event));
    }

    private void append(AuditableEvent event) {
        AuditMessage message = event.message();
        ChainHead head = lockHead();
        AuditRecord record = new AuditRecord(
                head.getLastSeq() + 1,
                // Millisecond precision survives every database's timestamp type, so the hash does too.
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                event.actor(),
                event.action(),
                event.target(),
                // The text stays the record in one language (exports, search, the evidence packs);
                // the message is what each reader sees in theirs.
                message == null ? event.details() : message.render(english()),
                AuditMessages.write(message),
                clientAddress(),
                head.getLastHash());
        records.save(record);
        head.advanceTo(record);
        if (forwarding) {
            outbox.save(new OutboxEntry(record.getSeq(), record.getOccurredAt()));
        }
    }

    /**
     * The head, row-locked until the appending transaction ends. Found by its id rather than by a
     * query: before any query Hibernate dirty-checks every entity the transaction holds to decide
     * whether to flush first (never needed here: nothing else writes the head), which for a run's
     * transition is the run and each of its steps, 7 % of the CPU of bench/runs.sh (issue 10).
     */
    private ChainHead lockHead() {
        ChainHead head = entities.find(ChainHead.class, ChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("audit_chain_head row missing");
        }
        return head;
    }

    /** English, with the portal's own comments ("i18n:<key>") said in words rather than as keys. */
    private AuditMessage.Texts english() {
        return new AuditMessage.Texts() {
            @Override
            public String text(String key, Object... arguments) {
                return messages.getMessage(key, arguments, key, Locale.ENGLISH);
            }

            @Override
            public String typed(String text) {
                return text.startsWith(SYSTEM_TEXT)
                        ? messages.getMessage(text.substring(SYSTEM_TEXT.length()), null, text, Locale.ENGLISH)
                        : text;
            }
        };
    }

    /** The prefix of the comments the portal writes itself ({@code SystemComments}). */
    private static final String SYSTEM_TEXT = "i18n:";

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return null;
    }
}
