package org.pchatdr.portal.testsupport;

import java.util.Locale;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunRequest;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.TopologyService;

/**
 * The data the browser tests fill route parameters with: the Contoso sample published, and a
 * requested drill of its site failover. Made through the services as people would, signed in as
 * throw-away accounts of the roles that may do each step.
 */
public record SampleRun(long topologyId, long runId, String pool) {

    public static SampleRun create(TopologyService topologies, RunService runs, String reason) {
        return create(topologies, runs, reason, Locale.ENGLISH);
    }

    /** {@code requesterLanguage}: the language the requester's page was in (runs freeze their steps in it). */
    public static SampleRun create(
            TopologyService topologies, RunService runs, String reason, Locale requesterLanguage) {
        TestAccounts.signIn("sample-editor", Role.OPERATOR);
        long topology = topologies.create(Contoso.topology(), null).topologyId();
        TestAccounts.signIn("sample-publisher", Role.APPROVER);
        topologies.publish(topology, 1);
        String pool = Contoso.topology().pools().getFirst().fqdn();
        TestAccounts.signIn("sample-requester", Role.OPERATOR);
        long run = runs.request(
                        new RunRequest(topology, pool, "site-failover", null, RunKind.DRILL, reason, null),
                        requesterLanguage)
                .id();
        TestAccounts.signOut();
        return new SampleRun(topology, run, pool);
    }
}
