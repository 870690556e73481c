package org.pchatdr.portal.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunRequest;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.TopologyService;

/**
 * Runs that ended, for review tests, each on a topology of its own so that its pool is free. The
 * people are fixed: {@link #REQUESTER} requests, {@link #APPROVER} approves and accepts the data
 * loss, {@link #EXECUTOR} starts, walks and ends. Managers sign in by the tests themselves.
 */
public record EndedRuns(TopologyService topologies, RunService runs, Clock clock) {

    public static final String REQUESTER = "rev-requester";
    public static final String APPROVER = "rev-approver";
    public static final String EXECUTOR = "rev-executor";
    static final String POOL = "pchat.contoso.local";

    /** A site-failover drill whose first step failed, was retried and done, then aborted: STEP_RETRIED:1. */
    public RunView abortedDrillWithRetriedStep() {
        RunView run = startedDrill();
        TestAccounts.signIn(EXECUTOR, Role.OPERATOR);
        run = runs.startStep(run.id(), run.version(), 1);
        run = runs.failStep(run.id(), run.version(), 1, "access denied on the SQL Server");
        run = runs.retryStep(run.id(), run.version(), 1);
        run = runs.completeStep(run.id(), run.version(), 1, "second try", "Command(s) completed successfully.");
        return runs.abort(run.id(), run.version(), "drill window over");
    }

    /**
     * A site-failover drill walked to its end: every step done with output, the data loss of
     * {@code lossMinutes} recorded before the gate and accepted: DATA_LOSS_ACCEPTED, and
     * RPO_OVER_TARGET when the loss exceeds the pool's RPO.
     */
    public RunView completedDrill(int lossMinutes) {
        RunView run = startedDrill();
        TestAccounts.signIn(EXECUTOR, Role.OPERATOR);
        int gate = run.dataLoss().gateStep();
        for (RunView.Step step : run.steps()) {
            if (step.number() == gate) {
                Instant now = clock.instant();
                run = runs.recordDataLoss(
                        run.id(),
                        run.version(),
                        "mgc_last.trn",
                        now.minus(Duration.ofMinutes(lossMinutes + 1L)),
                        now.minus(Duration.ofMinutes(1)));
                TestAccounts.signIn(APPROVER, Role.APPROVER);
                run = runs.acceptDataLoss(run.id(), run.version(), "We give up the last minutes of chat.");
                TestAccounts.signIn(EXECUTOR, Role.OPERATOR);
            }
            run = runs.startStep(run.id(), run.version(), step.number());
            run = runs.completeStep(run.id(), run.version(), step.number(), null, "step " + step.number() + " ok");
        }
        return run;
    }

    private RunView startedDrill() {
        TestAccounts.signIn("rev-topo", Role.OPERATOR);
        long topology = topologies.create(Contoso.topology(), null).topologyId();
        TestAccounts.signIn("rev-topo-publisher", Role.APPROVER);
        topologies.publish(topology, 1);
        TestAccounts.signIn(REQUESTER, Role.OPERATOR);
        RunView run = runs.request(
                new RunRequest(topology, POOL, "site-failover", null, RunKind.DRILL, "quarterly drill", null),
                Locale.ENGLISH);
        TestAccounts.signIn(APPROVER, Role.APPROVER);
        run = runs.approve(run.id(), run.version(), "go");
        TestAccounts.signIn(EXECUTOR, Role.OPERATOR);
        return runs.start(run.id(), run.version());
    }
}
