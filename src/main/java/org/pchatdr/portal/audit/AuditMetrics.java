package org.pchatdr.portal.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.pchatdr.portal.audit.internal.AuditRecordRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 16: the result of the latest check of the hash chain, as the trail recorded it (1 intact,
 * 0 broken; no sample before the first check), so that an alert fires on a broken chain.
 */
@Component
class AuditMetrics implements MeterBinder {

    private final AuditRecordRepository records;
    private final TransactionTemplate reading;

    AuditMetrics(AuditRecordRepository records, PlatformTransactionManager transactions) {
        this.records = records;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("portal.audit.chain.intact", this::lastResult)
                .description("1 when the latest recorded check of the audit chain found it intact, 0 when broken")
                .register(registry);
    }

    private double lastResult() {
        try {
            Double result = reading.execute(status -> records.findFirstByActionOrderBySeqDesc(AuditChainVerified.ACTION)
                    .map(record -> AuditChainVerified.intact(record.getDetails()) ? 1.0 : 0.0)
                    .orElse(Double.NaN));
            return result == null ? Double.NaN : result;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
