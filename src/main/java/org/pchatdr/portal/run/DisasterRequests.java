package org.pchatdr.portal.run;

import java.util.Locale;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;
import org.pchatdr.portal.run.internal.ActiveRun;
import org.pchatdr.portal.run.internal.ActiveRunRepository;
import org.pchatdr.portal.run.internal.Run;
import org.pchatdr.portal.run.internal.RunRepository;
import org.pchatdr.portal.run.internal.RunRulebook;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A disaster does not wait for a drill (issue 12): when a {@code DISASTER} run is requested while a
 * drill that has not started holds the pool, an operator whom the rulebook lets abort that drill may
 * abort it and request the disaster run in one transaction, so that the pool is never free for a
 * third request in between, and a refused request leaves the drill as it was. Built on {@link
 * RunService}'s own abort and request, which check the version, the rulebook and audit as usual.
 */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class DisasterRequests {

    private final RunService runs;
    private final RunRepository repository;
    private final ActiveRunRepository activeRuns;

    DisasterRequests(RunService runs, RunRepository repository, ActiveRunRepository activeRuns) {
        this.runs = runs;
        this.repository = repository;
        this.activeRuns = activeRuns;
    }

    /**
     * Whether the refusal of a {@code requested} run by {@code holder} may offer the signed-in user
     * to abort it first: a pending drill ({@link RunRulebook#makeWay}) that the rulebook lets them
     * abort now.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('OPERATOR')")
    public boolean mayAbortToRequest(long holder, RunKind requested) {
        return repository
                .findById(holder)
                .filter(run -> RunRulebook.makeWay(run, requested).isEmpty())
                .map(run -> runs.run(holder).actions().contains(RunAction.ABORT.path()))
                .orElse(false);
    }

    /**
     * Aborts the pending drill {@code drillId}, seen at {@code drillVersion}, with {@code reason},
     * then requests {@code request}, a {@code DISASTER} run of the pool the drill holds.
     */
    @PreAuthorize("hasRole('OPERATOR')")
    public RunView abortDrillAndRequest(
            long drillId, long drillVersion, String reason, RunRequest request, Locale locale) {
        Run drill = repository
                .lock(drillId)
                .orElseThrow(() -> new PortalException(Kind.NOT_FOUND, "run_not_found", drillId));
        RunRulebook.makeWay(drill, request.kind()).ifPresent(refusal -> {
            throw refusal.rule().exception(refusal.arguments().toArray());
        });
        // Only the drill that holds the requested pool makes way: never a drill of another pool.
        String pool = Run.poolKey(request.topologyId(), request.pool() == null ? "" : request.pool());
        boolean holdsThePool = activeRuns
                .findById(pool)
                .map(ActiveRun::getRunId)
                .filter(id -> id == drillId)
                .isPresent();
        if (!holdsThePool) {
            throw new PortalException(Kind.CONFLICT, "run_not_a_pending_drill", drillId);
        }
        runs.abort(drillId, drillVersion, reason);
        // The pool's row goes before the new run's goes in: Hibernate would insert first.
        activeRuns.flush();
        return runs.request(request, locale);
    }
}
