package org.pchatdr.portal.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.TopologyService;

/**
 * The situations and people of the run action tables (decision 013), made through the services as
 * users would: each run on a topology of its own, so that its pool is free. Signs in on the service
 * side only.
 */
public record RunSituations(TopologyService topologies, RunService runs, Clock clock) {

    private static final String POOL = "pchat.contoso.local";

    /** Who looks at the run: the requester, operators and approvers who did or did not approve it… */
    public enum Who {
        REQUESTER("tab-requester", Role.OPERATOR, Role.APPROVER),
        EXECUTOR("tab-operator", Role.OPERATOR),
        APPROVER_WHO_APPROVED("tab-approver", Role.APPROVER),
        APPROVER("tab-approver-2", Role.APPROVER),
        OPERATOR_APPROVER_WHO_APPROVED("tab-opap", Role.OPERATOR, Role.APPROVER),
        OPERATOR_APPROVER("tab-opap-2", Role.OPERATOR, Role.APPROVER),
        AUDITOR("tab-auditor", Role.AUDITOR),
        ADMIN("tab-admin", Role.ADMIN);

        public final String user;
        public final Role[] roles;

        Who(String user, Role... roles) {
            this.user = user;
            this.roles = roles;
        }
    }

    /** Where the run stands. Runs that were approved were approved by both "who approved" people; the executor started them. */
    public enum Situation {
        REQUESTED,
        APPROVED,
        STARTED,
        STEP_IN_PROGRESS,
        STEP_FAILED,
        SKIP_ASKED,
        DATA_LOSS_RECORDED,
        EMERGENCY_STARTED,
        ENDED_OWING_RATIFICATION,
        REJECTED
    }

    /** A run in {@code situation}, on a topology of its own so that its pool is free. */
    public RunView given(Situation situation) {
        TestAccounts.signIn("tab-topo", Role.OPERATOR);
        long topology = topologies.create(Contoso.topology(), null).topologyId();
        TestAccounts.signIn("tab-topo-publisher", Role.APPROVER);
        topologies.publish(topology, 1);
        boolean disaster = situation == Situation.EMERGENCY_STARTED || situation == Situation.ENDED_OWING_RATIFICATION;
        as(Who.REQUESTER);
        RunView run = runs.request(
                new RunRequest(
                        topology,
                        POOL,
                        "site-failover",
                        null,
                        disaster ? RunKind.DISASTER : RunKind.DRILL,
                        "action table",
                        null),
                Locale.ENGLISH);
        if (disaster) {
            as(Who.EXECUTOR);
            run = runs.emergencyStart(run.id(), run.version(), "site lost");
            if (situation == Situation.ENDED_OWING_RATIFICATION) {
                run = runs.abort(run.id(), run.version(), "primary back");
            }
            return run;
        }
        if (situation == Situation.REQUESTED) {
            return run;
        }
        if (situation == Situation.REJECTED) {
            as(Who.APPROVER);
            return runs.reject(run.id(), run.version(), "not this week");
        }
        as(Who.OPERATOR_APPROVER_WHO_APPROVED);
        run = runs.approve(run.id(), run.version(), null);
        as(Who.APPROVER_WHO_APPROVED);
        run = runs.approve(run.id(), run.version(), null);
        if (situation == Situation.APPROVED) {
            return run;
        }
        as(Who.EXECUTOR);
        run = runs.start(run.id(), run.version());
        return switch (situation) {
            case STEP_IN_PROGRESS -> runs.startStep(run.id(), run.version(), 1);
            case STEP_FAILED -> {
                RunView started = runs.startStep(run.id(), run.version(), 1);
                yield runs.failStep(run.id(), started.version(), 1, "access denied");
            }
            case SKIP_ASKED -> runs.requestSkip(run.id(), run.version(), 1, "done by hand");
            case DATA_LOSS_RECORDED -> {
                int gate = run.dataLoss().gateStep();
                for (int step = 1; step < gate; step++) {
                    run = runs.startStep(run.id(), run.version(), step);
                    run = runs.completeStep(run.id(), run.version(), step, null, null);
                }
                Instant now = clock.instant();
                yield runs.recordDataLoss(
                        run.id(),
                        run.version(),
                        "mgc_last.trn",
                        now.minus(Duration.ofMinutes(6)),
                        now.minus(Duration.ofMinutes(1)));
            }
            default -> run;
        };
    }

    public static void as(Who who) {
        TestAccounts.signIn(who.user, who.roles);
    }
}
