package org.pchatdr.portal.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pchatdr.portal.topology.ReadResult.Read;
import org.pchatdr.portal.topology.Topology.Database;
import org.pchatdr.portal.topology.Topology.DatabaseKind;
import org.pchatdr.portal.topology.Topology.Pool;
import org.pchatdr.portal.topology.Topology.Server;
import org.pchatdr.portal.topology.Topology.Site;
import org.pchatdr.portal.topology.Topology.SiteLink;
import org.pchatdr.portal.topology.Topology.SqlInstance;

class StretchedPoolTemplateTest {

    record Choice(SiteLink link, boolean compliance, boolean witness, boolean backupMirror) {}

    static Stream<Choice> everyChoice() {
        List<Choice> choices = new ArrayList<>();
        for (SiteLink link : SiteLink.values()) {
            for (boolean compliance : new boolean[] {false, true}) {
                for (boolean witness : new boolean[] {false, true}) {
                    for (boolean backupMirror : new boolean[] {false, true}) {
                        choices.add(new Choice(link, compliance, witness, backupMirror));
                    }
                }
            }
        }
        return choices.stream();
    }

    static StretchedPoolTemplate answers(Choice choice) {
        StretchedPoolTemplate d = StretchedPoolTemplate.defaults();
        return new StretchedPoolTemplate(
                "Fabrikam chat",
                new Site("PAR", "Paris", "Europe/Paris"),
                new Site("LYO", "Lyon", "Europe/Paris"),
                "pchat.fabrikam.local",
                "fabrikam.local",
                choice.link(),
                choice.compliance(),
                choice.witness(),
                choice.backupMirror(),
                d.sqlVersion(),
                d.edition(),
                "FABRIKAM\\svc-sql",
                "fepool.fabrikam.local",
                "\\\\fs01.fabrikam.local\\pchat-files",
                "\\\\fs01.fabrikam.local\\pchat-logship",
                "\\\\fs01.fabrikam.local\\pchat-seed",
                "D:\\PChatLogShipCopy",
                d.partnerPort(),
                d.witnessPort(),
                d.rpoMinutes(),
                d.rtoMinutes());
    }

    @ParameterizedTest
    @MethodSource("everyChoice")
    void everyChoiceReadsBackUnchangedAndBreaksNoRule(Choice choice) {
        Topology topology = answers(choice).topology();

        ReadResult read = TopologyFormat.read(TopologyFormat.write(topology));

        assertThat(read).isInstanceOf(Read.class);
        assertThat(((Read) read).topology()).isEqualTo(topology);
        assertThat(TopologyRules.check(topology))
                .as("rule results above INFO")
                .filteredOn(violation -> violation.severity() != Severity.INFO)
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("everyChoice")
    void theServersFollowTheDocumentedLayoutOfTheLink(Choice choice) {
        Pool pool = answers(choice).topology().pools().getFirst();

        assertThat(pool.servers()).hasSize(8);
        if (choice.link() == SiteLink.HIGH_BANDWIDTH) {
            assertThat(activeIdle(pool, "PAR")).containsExactly(2L, 2L);
            assertThat(activeIdle(pool, "LYO")).containsExactly(2L, 2L);
        } else {
            assertThat(activeIdle(pool, "PAR")).containsExactly(4L, 0L);
            assertThat(activeIdle(pool, "LYO")).containsExactly(0L, 4L);
        }
    }

    @ParameterizedTest
    @MethodSource("everyChoice")
    void eachCopyHasItsOwnHostInTheSiteTheRulesExpect(Choice choice) {
        Topology topology = answers(choice).topology();
        Pool pool = topology.pools().getFirst();
        Set<String> copyHosts = new HashSet<>();

        for (Database database : pool.databases()) {
            assertThat(site(topology, database.primary())).isEqualTo("PAR");
            assertThat(site(topology, database.mirror())).isEqualTo("PAR");
            assertThat(site(topology, database.backup())).isEqualTo("LYO");
            assertThat(database.witness() != null).isEqualTo(choice.witness());
            assertThat(database.backupMirror() != null).isEqualTo(choice.backupMirror());
            assertThat(database.backupWitness() != null).isEqualTo(choice.witness() && choice.backupMirror());
            Stream.of(database.primary(), database.mirror(), database.backup(), database.backupMirror())
                    .filter(Objects::nonNull)
                    .map(id -> topology.sqlInstance(id).orElseThrow().host())
                    .forEach(host -> assertThat(copyHosts.add(host))
                            .as("%s holds one copy only", host)
                            .isTrue());
        }
        assertThat(pool.databases())
                .extracting(Database::kind)
                .containsExactlyElementsOf(
                        choice.compliance()
                                ? List.of(DatabaseKind.CHAT, DatabaseKind.COMPLIANCE)
                                : List.of(DatabaseKind.CHAT));
        String monitor = pool.logShipping().monitor();
        assertThat(site(topology, monitor)).isEqualTo("PAR");
        assertThat(pool.databases()).noneMatch(d -> monitor.equals(d.primary()) || monitor.equals(d.backup()));
    }

    @Test
    void theDefaultsUseTheDocumentedPortsAndLogShippingSettings() {
        Pool pool = StretchedPoolTemplate.defaults().topology().pools().getFirst();

        assertThat(pool.mirroring().partnerPort()).isEqualTo(5022);
        assertThat(pool.mirroring().witnessPort()).isEqualTo(7022);
        assertThat(pool.logShipping())
                .extracting(
                        l -> l.backupEveryMinutes(),
                        l -> l.copyEveryMinutes(),
                        l -> l.restoreEveryMinutes(),
                        l -> l.restoreDelayMinutes(),
                        l -> l.backupAlertMinutes(),
                        l -> l.restoreAlertMinutes(),
                        l -> l.fileRetentionMinutes())
                .containsExactly(15, 15, 15, 0, 60, 45, 4320);
        assertThat(pool.nextHopPool().timeZone()).isEqualTo("Europe/Paris");
        assertThat(pool.servers()).extracting(Server::fqdn).contains("pc01.contoso.local", "pc14.contoso.local");
        assertThat(TopologyRules.check(StretchedPoolTemplate.defaults().topology()))
                .filteredOn(violation -> violation.severity() != Severity.INFO)
                .isEmpty();
    }

    @Test
    void aHighBandwidthLinkBetweenTwoTimeZonesIsReportedByRuleT7() {
        StretchedPoolTemplate d = StretchedPoolTemplate.defaults();
        Topology topology = new StretchedPoolTemplate(
                        d.deploymentName(),
                        d.primarySite(),
                        new Site("DC2", "London", "Europe/London"),
                        d.poolFqdn(),
                        d.dnsDomain(),
                        SiteLink.HIGH_BANDWIDTH,
                        d.compliance(),
                        d.witness(),
                        d.backupMirror(),
                        d.sqlVersion(),
                        d.edition(),
                        d.serviceAccount(),
                        d.nextHopPoolFqdn(),
                        d.fileStore(),
                        d.logShippingShare(),
                        d.mirroringSeedShare(),
                        d.copyDestination(),
                        d.partnerPort(),
                        d.witnessPort(),
                        d.rpoMinutes(),
                        d.rtoMinutes())
                .topology();

        assertThat(TopologyRules.check(topology))
                .anySatisfy(violation -> assertThat(violation.ruleId()).isEqualTo("T-7"));
    }

    private static List<Long> activeIdle(Pool pool, String site) {
        long active = pool.servers().stream()
                .filter(s -> s.site().equals(site) && s.active())
                .count();
        long idle = pool.servers().stream()
                .filter(s -> s.site().equals(site) && !s.active())
                .count();
        return List.of(active, idle);
    }

    private static String site(Topology topology, String instanceId) {
        return topology.sqlInstance(instanceId).map(SqlInstance::site).orElseThrow();
    }
}
