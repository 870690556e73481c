package org.pchatdr.portal.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pchatdr.portal.testsupport.TestAccounts.signIn;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.audit.AuditEntry;
import org.pchatdr.portal.audit.AuditService;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.change.ChangeService;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.testsupport.AuditReads;
import org.pchatdr.portal.testsupport.ChangeControl;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class TopologyServiceIT {

    @Autowired
    UserAccountService userAccounts;

    @Autowired
    TopologyService topologies;

    @Autowired
    AuditService audit;

    @Autowired
    ChangeService changes;

    @Autowired
    Clock clock;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void importedTopologyBecomesVersionOneWithItsRuleResults() {
        signIn("alice", Role.OPERATOR);

        TopologyVersion saved = topologies.create(Contoso.topology(), "first import");

        assertThat(saved.number()).isEqualTo(1);
        assertThat(saved.author()).isEqualTo("alice");
        assertThat(saved.hasErrors()).isFalse();
        assertThat(saved.isPublished()).isFalse();
        assertThat(topologies.latest(saved.topologyId()).topology()).isEqualTo(Contoso.topology());
        assertThat(topologies.versions(saved.topologyId()))
                .singleElement()
                .satisfies(version -> assertThat(version.changes()).isNull());
    }

    @Test
    void topologyThatBreaksRulesIsKeptAsADraftWithItsErrors() {
        signIn("alice", Role.OPERATOR);

        TopologyVersion saved = topologies.create(Contoso.withErrors(), null);

        assertThat(saved.hasErrors()).isTrue();
        assertThat(saved.violations()).extracting(Violation::ruleId).contains("T-1");
    }

    @Test
    void everySaveMakesANewVersionWithAReadableDiff() {
        signIn("alice", Role.OPERATOR);
        TopologyVersion first = topologies.create(Contoso.topology(), null);

        TopologyVersion second = topologies.saveVersion(first.topologyId(), 1, Contoso.renamed("Contoso DR"), "rename");

        assertThat(second.number()).isEqualTo(2);
        assertThat(topologies.version(first.topologyId(), 1).topology().name()).isEqualTo("Contoso production");
        assertThat(topologies.versions(first.topologyId()).getFirst().changes())
                .contains("name")
                .contains("Contoso production")
                .contains("Contoso DR");
        assertThat(topologies.compare(first.topologyId(), 1, 2)).singleElement().satisfies(change -> {
            assertThat(change.path()).isEqualTo("name");
            assertThat(change.after()).contains("Contoso DR");
        });
    }

    @Test
    void secondSaveFromTheSameVersionIsRefusedWithWhoSavedMeanwhile() {
        signIn("alice", Role.OPERATOR);
        TopologyVersion first = topologies.create(Contoso.topology(), null);
        topologies.saveVersion(first.topologyId(), 1, Contoso.renamed("Alice's edit"), null);
        signIn("bob", Role.OPERATOR);

        assertThatThrownBy(() -> topologies.saveVersion(first.topologyId(), 1, Contoso.renamed("Bob's edit"), null))
                .isInstanceOf(PortalException.class)
                .satisfies(e -> {
                    PortalException refused = (PortalException) e;
                    assertThat(refused.code()).isEqualTo("topology_stale");
                    assertThat(refused.arguments()).contains(1, 2, "alice");
                });
        assertThat(topologies.latest(first.topologyId()).topology().name()).isEqualTo("Alice's edit");
    }

    @Test
    void concurrentSavesFromOneVersionKeepOneAndRefuseTheOther() throws Exception {
        signIn("alice", Role.OPERATOR);
        long id = topologies.create(Contoso.topology(), null).topologyId();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (String author : List.of("alice", "bob")) {
                outcomes.add(pool.submit(() -> {
                    signIn(author, Role.OPERATOR);
                    start.await();
                    try {
                        topologies.saveVersion(id, 1, Contoso.renamed(author), null);
                        return "saved";
                    } catch (PortalException e) {
                        return e.code();
                    } finally {
                        TestAccounts.signOut();
                    }
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get());
            }
            assertThat(results).containsExactlyInAnyOrder("saved", "topology_stale");
        } finally {
            pool.shutdownNow();
        }
        assertThat(topologies.versions(id)).hasSize(2);
    }

    @Test
    void anApproverWhoWroteNoneOfTheChangesPublishes() {
        signIn("alice", Role.OPERATOR);
        long id = topologies.create(Contoso.topology(), null).topologyId();
        signIn("carol", Role.APPROVER);

        TopologyVersion published = topologies.publish(id, 1);

        assertThat(published.isPublished()).isTrue();
        assertThat(topologies.published(id).number()).isEqualTo(1);
        assertThat(topologies.summary(id).publishedVersion()).isEqualTo(1);
    }

    @Test
    void anApproverWhoWroteAChangeSinceTheLastPublicationMayNotPublish() {
        signIn("carol", Role.OPERATOR, Role.APPROVER);
        long id = topologies.create(Contoso.topology(), null).topologyId();
        signIn("dave", Role.APPROVER);
        topologies.publish(id, 1);
        signIn("carol", Role.OPERATOR, Role.APPROVER);
        topologies.saveVersion(id, 1, Contoso.renamed("v2"), null);
        signIn("alice", Role.OPERATOR);
        topologies.saveVersion(id, 2, Contoso.renamed("v3"), null);

        signIn("carol", Role.OPERATOR, Role.APPROVER);
        assertThatThrownBy(() -> topologies.publish(id, 3))
                .isInstanceOf(PortalException.class)
                .extracting("code")
                .isEqualTo("topology_four_eyes");
        new ChangeControl(changes, clock, new TestAccounts(userAccounts)).approvedChangeFor(id, 3);
        signIn("dave", Role.APPROVER);
        assertThat(topologies.publish(id, 3).isPublished()).isTrue();
    }

    @Test
    void aVersionWithRuleErrorsCannotBePublished() {
        signIn("alice", Role.OPERATOR);
        long id = topologies.create(Contoso.withErrors(), null).topologyId();
        signIn("carol", Role.APPROVER);

        assertThatThrownBy(() -> topologies.publish(id, 1))
                .isInstanceOf(PortalException.class)
                .extracting("code")
                .isEqualTo("topology_has_errors");
        assertThatThrownBy(() -> topologies.published(id)).extracting("code").isEqualTo("topology_not_published");
    }

    @Test
    void rolesAreEnforcedByTheServiceItself() {
        signIn("erin", Role.AUDITOR);
        assertThatThrownBy(() -> topologies.create(Contoso.topology(), null)).isInstanceOf(AccessDeniedException.class);
        signIn("alice", Role.OPERATOR);
        long id = topologies.create(Contoso.topology(), null).topologyId();
        assertThatThrownBy(() -> topologies.publish(id, 1)).isInstanceOf(AccessDeniedException.class);
        signIn("erin", Role.AUDITOR);
        assertThat(topologies.latest(id).number()).isEqualTo(1);
    }

    @Test
    void savesAndPublicationsAreOnTheAuditTrail() {
        signIn("alice", Role.OPERATOR);
        long id = topologies.create(Contoso.topology(), "audited import").topologyId();
        signIn("carol", Role.APPROVER);
        topologies.publish(id, 1);

        signIn("erin", Role.AUDITOR);
        List<AuditEntry> entries = AuditReads.newest(audit, 200).stream()
                .filter(entry -> entry.target() != null && entry.target().startsWith("topology " + id + " "))
                .toList();
        assertThat(entries)
                .extracting(AuditEntry::actor, AuditEntry::action)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("carol", "TOPOLOGY_PUBLISHED"),
                        org.assertj.core.groups.Tuple.tuple("alice", "TOPOLOGY_VERSION_SAVED"));
        assertThat(entries.get(1).details()).contains("audited import");
    }

    @Test
    void aWarningIsAcceptedOnceAndOnlyWithAReason() {
        signIn("alice", Role.OPERATOR);
        TopologyVersion saved = topologies.create(Contoso.onALowBandwidthLink(), null);
        Violation warning = saved.violations().stream()
                .filter(violation -> violation.ruleId().equals("T-5"))
                .findFirst()
                .orElseThrow();

        assertThatThrownBy(() -> topologies.acknowledge(saved.topologyId(), "T-5", warning.element(), "  "))
                .extracting("code")
                .isEqualTo("acknowledgement_reason_required");
        TopologyVersion acknowledged = topologies.acknowledge(
                saved.topologyId(), "T-5", warning.element(), "Lyon runs active servers during the migration");

        assertThat(acknowledged.acknowledgementOf(warning)).hasValueSatisfying(ack -> {
            assertThat(ack.by()).isEqualTo("alice");
            assertThat(ack.reason()).isEqualTo("Lyon runs active servers during the migration");
        });
        assertThatThrownBy(() -> topologies.acknowledge(saved.topologyId(), "T-5", warning.element(), "again"))
                .extracting("code")
                .isEqualTo("topology_warning_already_acknowledged");
        assertThatThrownBy(() -> topologies.acknowledge(saved.topologyId(), "T-1", "pools[0]", "no such warning"))
                .extracting("code")
                .isEqualTo("topology_no_such_warning");
    }

    /** Contoso on its high-bandwidth link with pc03 active and pc12 idle: T-5 warns for PAR and for LYO. */
    private static Topology contosoOffLayoutInBothSites() {
        String text = Contoso.textWith(
                "\"pc03.contoso.local\", \"site\": \"PAR\", \"active\": false",
                "\"pc03.contoso.local\", \"site\": \"PAR\", \"active\": true");
        return TopologySamples.read(text.replace(
                "\"pc12.contoso.local\", \"site\": \"LYO\", \"active\": true",
                "\"pc12.contoso.local\", \"site\": \"LYO\", \"active\": false"));
    }

    @Test
    void t5AcceptedForParIsNotAcceptedForLyo() {
        signIn("alice", Role.OPERATOR);
        TopologyVersion saved = topologies.create(contosoOffLayoutInBothSites(), "T-5 twins");
        List<Violation> t5 = saved.violations().stream()
                .filter(violation -> violation.ruleId().equals("T-5"))
                .toList();
        assertThat(t5)
                .extracting(Violation::element)
                .containsExactly("pools[pchat.contoso.local].sites[PAR]", "pools[pchat.contoso.local].sites[LYO]");

        TopologyVersion accepted =
                topologies.acknowledge(saved.topologyId(), "T-5", t5.get(0).element(), "PAR is being re-racked");

        assertThat(accepted.acknowledgementOf(t5.get(0))).isPresent();
        assertThat(accepted.acknowledgementOf(t5.get(1))).isEmpty();
        topologies.acknowledge(saved.topologyId(), "T-5", t5.get(1).element(), "LYO too");
        assertThat(topologies.latest(saved.topologyId()).acknowledgementOf(t5.get(1)))
                .hasValueSatisfying(ack -> assertThat(ack.reason()).isEqualTo("LYO too"));

        signIn("erin", Role.AUDITOR);
        assertThat(AuditReads.newest(audit, 200))
                .filteredOn(entry -> "TOPOLOGY_WARNING_ACKNOWLEDGED".equals(entry.action())
                        && entry.target().startsWith("topology " + saved.topologyId() + " "))
                .anySatisfy(entry -> {
                    assertThat(entry.target()).endsWith("T-5 for pools[pchat.contoso.local].sites[PAR]");
                    assertThat(entry.details())
                            .startsWith("covers: T-5 for site PAR of pool pchat.contoso.local\nreason: PAR is");
                });
    }

    @Test
    void aPoolFqdnAlreadyInAnotherTopologyWarnsT17() {
        signIn("alice", Role.OPERATOR);
        topologies.create(Contoso.renamed("Contoso first"), null);
        TopologyVersion second = topologies.create(Contoso.renamed("Contoso second"), null);

        assertThat(second.violations())
                .filteredOn(violation -> violation.ruleId().equals("T-17"))
                .singleElement()
                .satisfies(violation -> assertThat(violation.arguments()).contains("pchat.contoso.local"));
    }

    @Test
    void t17FollowsTheOtherTopologysLatestVersionNotAnEarlierOneItRemembers() {
        signIn("alice", Role.OPERATOR);
        // A pool of their own: other tests of this class leave topologies of Contoso's pool behind.
        TopologyVersion first = topologies.create(contosoWithPool("Contoso first", "pchat-t17.contoso.local"), null);
        TopologyVersion second = topologies.create(contosoWithPool("Contoso second", "pchat-t17.contoso.local"), null);
        assertThat(second.violations()).extracting(Violation::ruleId).contains("T-17");

        topologies.saveVersion(
                first.topologyId(), 1, contosoWithPool("Contoso first", "pchat-t17-moved.contoso.local"), "pool moved");

        assertThat(topologies.version(second.topologyId(), 1).violations())
                .extracting(Violation::ruleId)
                .doesNotContain("T-17");
    }

    private static Topology contosoWithPool(String name, String poolFqdn) {
        return TopologySamples.read(Contoso.text()
                .replace("pchat.contoso.local", poolFqdn)
                .replace("\"Contoso production\"", "\"" + name + "\""));
    }
}
