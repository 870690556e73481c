package org.pchatdr.portal.procedure;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologyService;
import org.pchatdr.portal.topology.TopologyVersion;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Procedures of stored topology versions, for the UI and the REST API. Any signed-in role may read
 * them: an auditor checks the binder as an operator follows it.
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional(readOnly = true)
public class ProcedureService {

    private final TopologyService topologies;
    private final Clock clock;

    ProcedureService(TopologyService topologies, Clock clock) {
        this.topologies = topologies;
        this.clock = clock;
    }

    /**
     * The procedure {@code name} for a pool of version {@code version} of a topology, or of its
     * published version when {@code version} is {@code null}.
     *
     * @throws PortalException {@code NOT_FOUND} for an unknown topology, version, pool or procedure
     *     and for a topology never published; {@code INVALID} for an unknown variant, a topology that
     *     breaks an error-level rule or a value that cannot be quoted safely
     */
    @PreAuthorize("isAuthenticated()")
    public Procedure generate(
            long topologyId, String poolFqdn, String name, String variant, Integer version, Locale locale) {
        TopologyVersion stored =
                version == null ? topologies.published(topologyId) : topologies.version(topologyId, version);
        try {
            // The stored version's rules were checked as it was read: not a second time here.
            return Procedures.generate(
                            stored.topology(),
                            stored.violations(),
                            new Procedure.TopologyRef(stored.topology().name(), stored.number(), stored.sha256()),
                            poolFqdn,
                            name,
                            variant,
                            List.of(locale),
                            clock.instant())
                    .getFirst();
        } catch (ProcedureException e) {
            throw portalException(e);
        }
    }

    /**
     * The procedures and variants that apply to a pool of version {@code version} of a topology (of
     * its published version when {@code version} is {@code null}); none when the version breaks an
     * error-level rule.
     *
     * @throws PortalException {@code NOT_FOUND} for an unknown topology, version or pool
     */
    @PreAuthorize("isAuthenticated()")
    public List<Procedures.Applicable> applicable(long topologyId, String poolFqdn, Integer version) {
        TopologyVersion stored =
                version == null ? topologies.published(topologyId) : topologies.version(topologyId, version);
        try {
            return Procedures.applicable(stored.topology(), stored.violations(), poolFqdn);
        } catch (ProcedureException e) {
            throw portalException(e);
        }
    }

    /**
     * Freezes a procedure of the topology's published version for a run: the same steps, generated
     * at one instant, in every language the portal speaks, with the facts of the pool the run keeps.
     *
     * @throws PortalException as {@link #generate}
     */
    @PreAuthorize("hasRole('OPERATOR')")
    public FrozenProcedure freeze(long topologyId, String poolFqdn, String name, String variant) {
        return freeze(topologyId, poolFqdn, name, variant, null);
    }

    /**
     * As {@link #freeze(long, String, String, String)}, of saved version {@code version} ({@code
     * null}: the published one): a change request's configuration runs apply its proposed version.
     */
    @PreAuthorize("hasRole('OPERATOR')")
    public FrozenProcedure freeze(long topologyId, String poolFqdn, String name, String variant, Integer version) {
        TopologyVersion stored =
                version == null ? topologies.published(topologyId) : topologies.version(topologyId, version);
        Topology topology = stored.topology();
        Procedure.TopologyRef ref = new Procedure.TopologyRef(topology.name(), stored.number(), stored.sha256());
        Map<String, Procedure> languages = new LinkedHashMap<>();
        try {
            // One generation instant and one check of the rules (done as the version was read) for every language.
            List<Procedure> written = Procedures.generate(
                    topology,
                    stored.violations(),
                    ref,
                    poolFqdn,
                    name,
                    variant,
                    FrozenProcedure.LOCALES,
                    clock.instant());
            for (int i = 0; i < written.size(); i++) {
                languages.put(FrozenProcedure.LOCALES.get(i).getLanguage(), written.get(i));
            }
        } catch (ProcedureException e) {
            throw portalException(e);
        }
        Topology.Pool pool = topology.pool(poolFqdn).orElseThrow();
        Map<String, String> siteNames = new LinkedHashMap<>();
        for (String site : List.of(pool.primarySite(), pool.secondarySite())) {
            topology.site(site).ifPresent(found -> siteNames.put(found.id(), found.name()));
        }
        Topology.Objectives objectives = pool.objectives();
        return FrozenProcedure.freeze(
                new FrozenProcedure.Facts(
                        topology.name(),
                        stored.number(),
                        pool.fqdn(),
                        objectives == null ? null : objectives.rtoMinutes(),
                        objectives == null ? null : objectives.rpoMinutes(),
                        siteNames),
                languages);
    }

    /** The refusal the UI and the REST API translate ({@code error.<code>} in {@code i18n/procedure}). */
    public static PortalException portalException(ProcedureException e) {
        Kind kind = switch (e.reason()) {
            case UNKNOWN_PROCEDURE, UNKNOWN_POOL -> Kind.NOT_FOUND;
            case UNKNOWN_VARIANT, UNUSABLE_TOPOLOGY, UNSAFE_VALUE, NOT_APPLICABLE -> Kind.INVALID;
        };
        return new PortalException(kind, e.code(), e.arguments());
    }
}
