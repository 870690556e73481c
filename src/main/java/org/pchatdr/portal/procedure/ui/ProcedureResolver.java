package org.pchatdr.portal.procedure.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.NotFoundException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.procedure.Procedure;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologyService;
import org.pchatdr.portal.topology.TopologyVersion;

/**
 * Turns the address of a procedure page into what the page shows: the procedure, or the reason it
 * cannot (a pool, procedure or variant the topology or the portal does not know, no published
 * version), always with the topology version whose pools the selectors offer.
 */
final class ProcedureResolver {

    sealed interface Outcome {

        /** The version whose pools and procedures the page offers. */
        TopologyVersion version();

        /** The address's choices, completed with the pool and variant actually used where known. */
        ProcedureQuery query();
    }

    /** The procedure, generated. {@code query} names the pool and variant actually used. */
    record Shown(TopologyVersion version, ProcedureQuery query, Procedure procedure) implements Outcome {}

    /**
     * Nothing to show yet: a message (translation key and arguments) and the selectors. {@code
     * problem} is false when the user simply has not chosen a procedure yet.
     */
    record Unresolved(TopologyVersion version, ProcedureQuery query, boolean problem, String key, Object... arguments)
            implements Outcome {}

    /** No version of the topology is published; {@code version} (the latest) may be previewed as a draft. */
    record NotPublished(TopologyVersion version, ProcedureQuery query) implements Outcome {}

    private final TopologyService topologies;
    private final ProcedureSource procedures;

    ProcedureResolver(TopologyService topologies, ProcedureSource procedures) {
        this.topologies = topologies;
        this.procedures = procedures;
    }

    /**
     * What the procedure page being entered shows; empty when the address names no existing topology
     * or version, in which case the navigation has gone to the not-found page.
     */
    Optional<Outcome> enter(BeforeEnterEvent event, Component page) {
        ProcedureQuery query = ProcedureQuery.of(event.getLocation().getQueryParameters());
        try {
            long topologyId =
                    Long.parseLong(event.getRouteParameters().get("id").orElse(""));
            return Optional.of(resolve(topologyId, query, UI.getCurrent().getLocale()));
        } catch (NumberFormatException e) {
            event.rerouteToError(NotFoundException.class);
        } catch (PortalException e) {
            event.rerouteToError(NotFoundException.class, page.getTranslation(e.messageKey(), e.arguments()));
        }
        return Optional.empty();
    }

    /**
     * @throws PortalException when the topology or the requested version does not exist
     * @throws NumberFormatException when the version is not a number
     */
    Outcome resolve(long topologyId, ProcedureQuery query, Locale locale) {
        TopologyVersion version;
        if (query.version() != null) {
            version = topologies.version(topologyId, Integer.parseInt(query.version()));
        } else if (topologies.summary(topologyId).publishedVersion() == null) {
            return new NotPublished(topologies.latest(topologyId), query);
        } else {
            version = topologies.published(topologyId);
        }
        List<Topology.Pool> pools = version.topology().pools();
        if (pools.isEmpty()) {
            return new Unresolved(version, query, true, "procedure.ui.no-pools");
        }
        Optional<Topology.Pool> pool = query.pool() == null
                ? Optional.of(pools.getFirst())
                : version.topology().pool(query.pool());
        if (pool.isEmpty()) {
            return new Unresolved(version, query, true, "procedure.ui.unknown-pool", query.pool());
        }
        ProcedureQuery chosen = query.withPool(pool.get().fqdn());
        if (chosen.procedure() == null) {
            return new Unresolved(version, chosen, false, "procedure.ui.choose-procedure");
        }
        if (!procedures.names().contains(chosen.procedure())) {
            return new Unresolved(version, chosen, true, "procedure.ui.unknown-procedure", chosen.procedure());
        }
        List<String> variants = procedures.variants(chosen.procedure());
        if (chosen.variant() == null && !variants.isEmpty()) {
            chosen = chosen.withVariant(variants.getFirst());
        } else if (chosen.variant() != null && !variants.contains(chosen.variant())) {
            return new Unresolved(version, chosen, true, "procedure.ui.unknown-variant", chosen.variant());
        }
        try {
            Procedure procedure = procedures.generate(
                    topologyId, chosen.pool(), chosen.procedure(), chosen.variant(), version.number(), locale);
            return new Shown(version, chosen, procedure);
        } catch (PortalException e) {
            return new Unresolved(version, chosen, true, e.messageKey(), e.arguments());
        } catch (IllegalArgumentException | IllegalStateException e) {
            return new Unresolved(version, chosen, true, "procedure.ui.cannot-generate", e.getMessage());
        }
    }
}
