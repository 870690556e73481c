package org.pchatdr.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.audit.internal.ChainHeadRepository;
import org.pchatdr.portal.audit.internal.ForwarderStateRepository;
import org.pchatdr.portal.base.AuditableEvent;
import org.pchatdr.portal.testsupport.MutableClock;
import org.pchatdr.portal.testsupport.MutableClockConfiguration;
import org.pchatdr.portal.testsupport.PortalHttp;
import org.pchatdr.portal.testsupport.SyslogCollector;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 16, decision 022: every audit record reaches a syslog collector the test starts and stops,
 * through the outbox, with its sequence as id, in order, at least once, even when the collector is
 * down for an hour (the portal's clock moved on, the back-off at its 5-minute ceiling).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MutableClockConfiguration.class)
class AuditForwardingIT {

    private static final int COLLECTOR_PORT = SyslogCollector.freePort();

    private static final SyslogCollector collector = new SyslogCollector(COLLECTOR_PORT, null);

    /**
     * The collector listens before the portal starts: a record written at start-up and tried before
     * it listened would set a back-off that this test's stopped clock never ends (CI saw it once).
     */
    @DynamicPropertySource
    static void forwardToTheCollector(DynamicPropertyRegistry properties) throws Exception {
        collector.start();
        properties.add("portal.audit.forward.url", () -> "syslog://127.0.0.1:" + COLLECTOR_PORT);
        properties.add("portal.audit.forward.interval", () -> "100ms");
        properties.add("portal.audit.forward.timeout", () -> "2s");
        properties.add("portal.audit.forward.batch-size", () -> "7");
        properties.add("portal.audit.forward.backoff-initial", () -> "1s");
        properties.add("portal.audit.forward.backoff-max", () -> "5m");
        properties.add("portal.audit.forward.lag-alert", () -> "15m");
    }

    /** An action of the test's own, so that it decides how many records there are and when. */
    record Noted(String details) implements AuditableEvent {
        @Override
        public String actor() {
            return "forwarding-test";
        }

        @Override
        public String action() {
            return "FORWARDING_TEST_NOTE";
        }

        @Override
        public String target() {
            return null;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    MutableClock clock;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ForwarderStateRepository states;

    @Autowired
    ChainHeadRepository heads;

    @AfterAll
    static void stopCollector() throws Exception {
        collector.stop();
    }

    @Test
    void nothingIsLostWhileTheCollectorIsDownForAnHourAndEveryRecordArrivesInOrder() throws Exception {
        note(5);
        await().atMost(Duration.ofSeconds(30)).until(() -> collector.sequences().contains(head()));

        collector.stop();
        note(20);
        long last = head();
        await().atMost(Duration.ofSeconds(30)).until(() -> failures() >= 1);
        for (int minutes = 5; minutes <= 60; minutes += 5) {
            int before = failures();
            clock.advance(Duration.ofMinutes(5));
            // Each wait of the back-off over, another instance-wide attempt fails and is remembered.
            await().atMost(Duration.ofSeconds(30)).until(() -> failures() > before);
        }
        assertThat(meters.get("portal.audit.forward.pending").gauge().value()).isEqualTo(20.0);
        assertThat(meters.get("portal.audit.forward.lag.seconds").gauge().value())
                .isGreaterThanOrEqualTo(3600.0);
        assertThat(new PortalHttp(port).get("/actuator/health", null, null).body())
                .contains("\"auditForwarding\":{\"status\":\"DOWN\"");

        collector.start();
        clock.advance(Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(30)).until(() -> collector.sequences().contains(last));

        List<Long> received = collector.sequences();
        // At least once: every record from the first on, none missing ...
        assertThat(new LinkedHashSet<>(received))
                .containsAll(LongStream.rangeClosed(1, last).boxed().toList());
        // ... and in the chain's order: a repeat only ever resends a batch, never jumps back past it.
        assertThat(List.copyOf(new LinkedHashSet<>(received))).isSorted();
        assertThat(collector.messages().getLast())
                .startsWith("<110>1 ")
                .contains(" pchat-dr-portal - FORWARDING_TEST_NOTE [meta sequenceId=\"" + last + "\"] \uFEFF{")
                .contains("\"seq\":" + last + ",")
                .contains("\"details\":\"note 20 of 20\"");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> meters.get("portal.audit.forward.pending").gauge().value() == 0.0);
        assertThat(new PortalHttp(port).get("/actuator/health", null, null).body())
                .contains("\"auditForwarding\":{\"status\":\"UP\"");
    }

    private void note(int count) {
        for (int i = 1; i <= count; i++) {
            String details = "note " + i + " of " + count;
            transaction.executeWithoutResult(status -> events.publishEvent(new Noted(details)));
        }
    }

    private long head() {
        return transaction.execute(status -> heads.head().orElseThrow().getLastSeq());
    }

    private int failures() {
        return transaction.execute(status -> states.read().orElseThrow().getFailures());
    }
}
