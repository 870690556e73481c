package org.pchatdr.portal.procedure.generators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.procedure.Procedure;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologySamples;

/**
 * Replays the active-server list through every Set-CsPersistentChatActiveServer of the generated
 * scripts, in order, from the topology's active set: never more than four active (T-1); a failover
 * ends with only servers of the surviving site (T-6); the failback that follows ends exactly on the
 * set the topology records (C-7).
 */
class ActiveServerArithmeticTest {

    private static final Pattern CHANGE = Pattern.compile(
            "Set-CsPersistentChatActiveServer (?:-Identity '(?:[^']|'')*' )?-ActiveServers (?:\\$null|@\\{(Add|Remove)='((?:[^']|'')*)'})");

    @Test
    void everyFailoverAndTheFailbackAfterItKeepTheActiveServersWithinTheRules() {
        SiteFailover failover = new SiteFailover();
        SiteFailback failback = new SiteFailback();
        int replayed = 0;
        for (String sample : TopologySamples.NAMES) {
            Topology topology = TopologySamples.topology(sample);
            Topology.Pool pool = topology.pools().getFirst();
            Set<String> original = pool.servers().stream()
                    .filter(Topology.Server::active)
                    .map(Topology.Server::fqdn)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            Set<String> surviving = pool.servers().stream()
                    .filter(server -> server.site().equals(pool.secondarySite()))
                    .map(Topology.Server::fqdn)
                    .collect(Collectors.toSet());
            for (String variant : failover.variants()) {
                String what = sample + " " + variant;
                Set<String> afterFailover = replay(
                        what, new LinkedHashSet<>(original), GeneratedProcedures.english(failover, topology, variant));
                assertThat(afterFailover).as(what).isNotEmpty();
                assertThat(surviving).as(what).containsAll(afterFailover);
                List<String> backVariants =
                        failback.variants().isEmpty() ? java.util.Collections.singletonList(null) : failback.variants();
                for (String back : backVariants) {
                    Set<String> afterFailback = replay(
                            what + " then failback",
                            afterFailover,
                            GeneratedProcedures.english(failback, topology, back));
                    assertThat(afterFailback).as(what + " then failback").containsExactlyInAnyOrderElementsOf(original);
                    replayed++;
                }
            }
        }
        assertThat(replayed)
                .isEqualTo(TopologySamples.NAMES.size() * failover.variants().size());
    }

    /** The active set after every change of {@code procedure}'s scripts, checked against T-1 at each. */
    private static Set<String> replay(String what, Set<String> active, Procedure procedure) {
        for (Procedure.Step step : procedure.steps()) {
            if (step.script() == null) {
                continue;
            }
            for (String line : step.script().split("\n")) {
                if (!line.contains("Set-CsPersistentChatActiveServer")) {
                    continue;
                }
                Matcher matcher = CHANGE.matcher(line);
                assertThat(matcher.matches())
                        .as(what + ", step " + step.number() + ": " + line)
                        .isTrue();
                if (matcher.group(1) == null) {
                    active.clear();
                } else if (matcher.group(1).equals("Add")) {
                    active.add(matcher.group(2).replace("''", "'"));
                } else {
                    assertThat(active.remove(matcher.group(2).replace("''", "'")))
                            .as(what + ", step " + step.number() + " removes an active server")
                            .isTrue();
                }
                assertThat(active.size())
                        .as(what + ", after step " + step.number() + " (T-1)")
                        .isLessThanOrEqualTo(SiteSwitch.MAX_ACTIVE);
            }
        }
        return active;
    }
}
