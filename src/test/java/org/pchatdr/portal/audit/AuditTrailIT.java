package org.pchatdr.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pchatdr.portal.testsupport.TestAccounts.signIn;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.audit.ChainVerification.Problem;
import org.pchatdr.portal.base.AuditMessage;
import org.pchatdr.portal.base.AuditableEvent;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.testsupport.AuditTrailSnapshot;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chain on the database every test shares: each test puts the trail back as it found it
 * ({@link AuditTrailSnapshot}), since tampering would spoil the chain for the tests after it.
 */
@IntegrationTest
class AuditTrailIT {

    record TestEvent(String actor, String action, String target, String details) implements AuditableEvent {}

    @Autowired
    AuditService audit;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    private AuditTrailSnapshot trail;

    @BeforeEach
    void signInAsAuditor() {
        trail = AuditTrailSnapshot.take(jdbc);
        signIn("erin", Role.AUDITOR);
    }

    @AfterEach
    void putTheTrailBackAndSignOut() {
        trail.restore();
        TestAccounts.signOut();
    }

    @Test
    void recordsFormAnIntactChain() {
        publish(20);

        ChainVerification result = audit.verifyChain();

        assertThat(result.isIntact()).isTrue();
        assertThat(result.recordsChecked()).isEqualTo(count() - 1); // the check records itself afterwards
    }

    @Test
    void alteredRecordIsReportedAsTheFirstThatDoesNotMatch() {
        publish(10);
        long victim = seqOf("event-4");
        jdbc.update("update audit_record set details = ? where seq = ?", "nothing to see", victim);
        jdbc.update("update audit_record set actor = ? where seq = ?", "mallory", seqOf("event-7"));

        ChainVerification result = audit.verifyChain();

        assertThat(result.isIntact()).isFalse();
        assertThat(result.problem()).isEqualTo(Problem.ALTERED);
        assertThat(result.firstBadSeq()).isEqualTo(victim);
    }

    @Test
    void recordRehashedToHideAChangeStillBreaksTheLink() {
        publish(5);
        long victim = seqOf("event-2");
        jdbc.update("update audit_record set hash = ? where seq = ?", "f".repeat(64), victim);

        ChainVerification result = audit.verifyChain();

        // The forged hash matches nothing; the record's own check fails first.
        assertThat(result.problem()).isEqualTo(Problem.ALTERED);
        assertThat(result.firstBadSeq()).isEqualTo(victim);
    }

    @Test
    void deletedRecordIsReportedAsMissing() {
        publish(6);
        long victim = seqOf("event-3");
        jdbc.update("delete from audit_record where seq = ?", victim);

        ChainVerification result = audit.verifyChain();

        assertThat(result.problem()).isEqualTo(Problem.MISSING);
        assertThat(result.firstBadSeq()).isEqualTo(victim);
    }

    @Test
    void deletedLastRecordsAreReportedAsTruncated() {
        publish(4);
        long last = seqOf("event-3");
        jdbc.update("delete from audit_record where seq = ?", last);

        ChainVerification result = audit.verifyChain();

        assertThat(result.problem()).isEqualTo(Problem.TRUNCATED);
        assertThat(result.firstBadSeq()).isEqualTo(last);
    }

    @Test
    void concurrentWritersKeepTheChainLinear() throws Exception {
        int threads = 8;
        int perThread = 25;
        long before = count();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int writer = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        String name = "writer-" + writer + "-" + i;
                        transaction.executeWithoutResult(
                                status -> events.publishEvent(new TestEvent("tester", "TEST_EVENT", name, null)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(count()).isEqualTo(before + threads * perThread);
        assertThat(jdbc.queryForObject("select max(seq) from audit_record", Long.class))
                .isEqualTo(count());
        assertThat(audit.verifyChain().isIntact()).isTrue();
    }

    @Test
    void eventOfARolledBackChangeLeavesNoRecord() {
        long before = count();

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                    events.publishEvent(new TestEvent("tester", "TEST_EVENT", "doomed", null));
                    throw new IllegalStateException("the change fails after its event");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(count()).isEqualTo(before);
    }

    @Test
    void filtersNarrowTheRecordsNewestFirst() {
        publish(3);
        transaction.executeWithoutResult(
                status -> events.publishEvent(new TestEvent("trail-alice", "OTHER_EVENT", "trail-bob", "x")));

        assertThat(audit.page(new AuditQuery("trail-alice", null, null, null, null, null, null), null, 50)
                        .events())
                .extracting(AuditEntry::action)
                .containsExactly("OTHER_EVENT");
        assertThat(audit.page(new AuditQuery(null, null, "trail-bob", null, null, null, null), null, 50)
                        .events())
                .extracting(AuditEntry::actor)
                .containsExactly("trail-alice");
        assertThat(audit.page(new AuditQuery(null, "TEST_EVENT", null, null, null, null, null), null, 50)
                        .events())
                .extracting(AuditEntry::target)
                .containsExactly("event-2", "event-1", "event-0");
        assertThat(audit.page(
                                new AuditQuery(
                                        null, null, null, null, clock.instant().plusSeconds(3600), null, null),
                                null,
                                50)
                        .events())
                .isEmpty();
        assertThat(audit.page(
                                new AuditQuery(
                                        null, null, null, null, null, Instant.parse("2000-01-01T00:00:00Z"), null),
                                null,
                                50)
                        .events())
                .isEmpty();
        assertThat(audit.actions()).contains("TEST_EVENT", "OTHER_EVENT", "USER_CREATED");
    }

    @Test
    void verificationIsItselfRecorded() {
        audit.verifyChain();

        assertThat(audit.page(new AuditQuery("erin", "AUDIT_CHAIN_VERIFIED", null, null, null, null, null), null, 5)
                        .events())
                .singleElement()
                .satisfies(entry -> assertThat(entry.details()).startsWith("intact"));
    }

    @Test
    void onlyAdministratorsAndAuditorsReadTheTrail() {
        for (Role role : List.of(Role.OPERATOR, Role.APPROVER)) {
            signIn("someone", role);
            assertThatThrownBy(() -> audit.page(AuditQuery.none(), null, 5)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> audit.verifyChain()).isInstanceOf(AccessDeniedException.class);
        }
        signIn("root", Role.ADMIN);
        assertThat(audit.page(AuditQuery.none(), null, 5).events()).isNotEmpty();
    }

    /** An event whose details are a message, as the portal's events give them since issue 12. */
    record MessageEvent(String actor, String target) implements AuditableEvent {

        @Override
        public String action() {
            return "APPROVAL_EXPIRED";
        }

        @Override
        public AuditMessage message() {
            return AuditMessage.of("audit.details.APPROVAL_EXPIRED", 7, "bob", "RUN_DRILL");
        }
    }

    @Test
    void aRecordWithAMessageStoresItsEnglishTextVerifiesAndBreaksWhenItsMessageIsChanged() {
        publish(2);
        transaction.executeWithoutResult(status -> events.publishEvent(new MessageEvent("tester", "with-message")));
        publish(1);
        long seq = seqOf("with-message");
        AuditEntry entry = audit.history(List.of("with-message")).getFirst();

        assertThat(entry.details()).isEqualTo("approval #7 by bob (RUN_DRILL) expired unused");
        assertThat(entry.message()).isEqualTo(AuditMessage.of("audit.details.APPROVAL_EXPIRED", 7, "bob", "RUN_DRILL"));
        assertThat(audit.verifyChain().isIntact()).isTrue();

        jdbc.update(
                "update audit_record set message = ? where seq = ?",
                "{\"key\":\"audit.details.APPROVAL_EXPIRED\",\"args\":[7,\"alice\",\"RUN_DRILL\"]}",
                seq);
        ChainVerification altered = audit.verifyChain();
        assertThat(altered.problem()).isEqualTo(Problem.ALTERED);
        assertThat(altered.firstBadSeq()).isEqualTo(seq);

        jdbc.update("update audit_record set message = null where seq = ?", seq);
        assertThat(audit.verifyChain().firstBadSeq())
                .as("a message removed is a change too")
                .isEqualTo(seq);
    }

    private void publish(int events) {
        for (int i = 0; i < events; i++) {
            String target = "event-" + i;
            transaction.executeWithoutResult(
                    status -> this.events.publishEvent(new TestEvent("tester", "TEST_EVENT", target, "n=" + target)));
        }
    }

    private long seqOf(String target) {
        return jdbc.queryForObject("select seq from audit_record where target = ?", Long.class, target);
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from audit_record", Long.class);
    }
}
