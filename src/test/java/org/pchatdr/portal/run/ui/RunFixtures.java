package org.pchatdr.portal.run.ui;

import java.time.Instant;
import java.util.Locale;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunRequest;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologyService;

/**
 * What the run pages' tests start from, made through the services as users would: the Contoso
 * sample published (a new topology each time, so that its pool is free), runs requested on it.
 * Signs users in on the service side only: tests sign in for the UI afterwards.
 */
public record RunFixtures(TopologyService topologies, RunService runs) {

    public static final String POOL = "pchat.contoso.local";

    public long publishedContoso() {
        return published(Contoso.topology());
    }

    public long published(Topology topology) {
        TestAccounts.signIn("run-ui-editor", Role.OPERATOR);
        long id = topologies.create(topology, null).topologyId();
        TestAccounts.signIn("run-ui-publisher", Role.APPROVER);
        topologies.publish(id, 1);
        return id;
    }

    public RunView request(long topology, RunKind kind, String requester) {
        return request(topology, kind, requester, null);
    }

    /** A run whose RTO clock starts at the declared {@code incidentAt}. */
    public RunView request(long topology, RunKind kind, String requester, Instant incidentAt) {
        TestAccounts.signIn(requester, Role.OPERATOR);
        return runs.request(
                new RunRequest(topology, POOL, "site-failover", null, kind, "run page tests", incidentAt),
                Locale.ENGLISH);
    }
}
