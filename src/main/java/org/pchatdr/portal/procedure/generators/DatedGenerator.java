package org.pchatdr.portal.procedure.generators;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.pchatdr.portal.procedure.Procedure.Step;
import org.pchatdr.portal.procedure.ProcedureTexts;
import org.pchatdr.portal.topology.Topology;

/**
 * A generator whose steps name one-off files after the generation instant (C-1). The portal, the
 * REST API and the command line all pass the instant (Procedures); without one, {@code undated}
 * gives it: the epoch for the configuration procedures' seed files (deterministic, but not unique),
 * the present for the site switches' tail-log and failback backups.
 */
abstract class DatedGenerator extends NamedGenerator {

    private final Supplier<Instant> undated;

    DatedGenerator(Supplier<Instant> undated, String name, String... variants) {
        super(name, variants);
        this.undated = undated;
    }

    @Override
    public final List<Step> steps(Topology topology, Topology.Pool pool, String variant, ProcedureTexts texts) {
        return steps(topology, pool, variant, texts, undated.get());
    }

    @Override
    public abstract List<Step> steps(
            Topology topology, Topology.Pool pool, String variant, ProcedureTexts texts, Instant generatedAt);
}
