package org.pchatdr.portal.topology;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;
import org.pchatdr.portal.base.TypedText;
import org.pchatdr.portal.topology.internal.TopologyEntity;
import org.pchatdr.portal.topology.internal.TopologyRepository;
import org.pchatdr.portal.topology.internal.TopologyVersionEntity;
import org.pchatdr.portal.topology.internal.TopologyVersionRepository;
import org.pchatdr.portal.topology.internal.WarningAcknowledgementEntity;
import org.pchatdr.portal.topology.internal.WarningAcknowledgementRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Topologies and their versions. Operators save versions (each one immutable, with a readable diff
 * against the one before); an approver who wrote none of the changes since the last publication
 * publishes a version without rule errors. Everyone signed in reads.
 */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class TopologyService {

    /** The longest reason or comment people may type. */
    public static final int MAX_TEXT = 1000;

    private final TopologyRepository topologies;
    private final TopologyVersionRepository versions;
    private final WarningAcknowledgementRepository acknowledgements;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final ObjectProvider<PublicationGate> gates;
    private final Clock clock;

    /** At most this many documents' pool FQDNs are remembered, the least recently used forgotten first. */
    private static final int POOL_FQDNS_KEPT = 512;

    private final Map<String, List<String>> poolFqdnsByDocument = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
            return size() > POOL_FQDNS_KEPT;
        }
    };

    TopologyService(
            TopologyRepository topologies,
            TopologyVersionRepository versions,
            WarningAcknowledgementRepository acknowledgements,
            ApplicationEventPublisher events,
            MessageSource messages,
            ObjectProvider<PublicationGate> gates,
            Clock clock) {
        this.topologies = topologies;
        this.versions = versions;
        this.acknowledgements = acknowledgements;
        this.events = events;
        this.messages = messages;
        this.gates = gates;
        this.clock = clock;
    }

    /** A new topology whose first version is {@code topology}, rule violations or not. */
    @PreAuthorize("hasRole('OPERATOR')")
    public TopologyVersion create(Topology topology, String comment) {
        String actor = CurrentUser.actor();
        TopologyEntity entity = topologies.saveAndFlush(new TopologyEntity(topology.name(), actor, clock.instant()));
        return append(entity, topology, comment, null);
    }

    /**
     * A new version of topology {@code id}. {@code basedOn} is the version the change started from:
     * when someone saved another version meanwhile, the save is refused, never silently merged.
     */
    @PreAuthorize("hasRole('OPERATOR')")
    public TopologyVersion saveVersion(long id, int basedOn, Topology topology, String comment) {
        TopologyEntity entity = topologies.lock(id).orElseThrow(() -> notFound(id));
        if (entity.getLatestVersion() != basedOn) {
            TopologyVersionEntity latest = storedVersion(id, entity.getLatestVersion());
            throw new PortalException(
                    Kind.CONFLICT,
                    "topology_stale",
                    basedOn,
                    latest.getNumber(),
                    latest.getAuthor(),
                    latest.getCreatedAt().toString());
        }
        Topology previous = read(storedVersion(id, basedOn));
        return append(entity, topology, comment, TopologyDiff.describe(TopologyDiff.between(previous, topology)));
    }

    @Transactional(readOnly = true)
    public Slice<TopologySummary> list(Pageable pageable) {
        Pageable sorted = pageable.getSort().isSorted()
                ? pageable
                : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), Sort.by("name"));
        return topologies.findAllBy(sorted).map(TopologyEntity::summary);
    }

    @Transactional(readOnly = true)
    public TopologySummary summary(long id) {
        return topologies.findById(id).orElseThrow(() -> notFound(id)).summary();
    }

    @Transactional(readOnly = true)
    public TopologyVersion latest(long id) {
        TopologyEntity entity = topologies.findById(id).orElseThrow(() -> notFound(id));
        return view(entity, storedVersion(id, entity.getLatestVersion()));
    }

    @Transactional(readOnly = true)
    public TopologyVersion version(long id, int number) {
        TopologyEntity entity = topologies.findById(id).orElseThrow(() -> notFound(id));
        return view(entity, storedVersion(id, number));
    }

    @Transactional(readOnly = true)
    public TopologyVersion published(long id) {
        TopologyEntity entity = topologies.findById(id).orElseThrow(() -> notFound(id));
        if (entity.getPublishedVersion() == null) {
            throw new PortalException(Kind.NOT_FOUND, "topology_not_published", entity.getName());
        }
        return view(entity, storedVersion(id, entity.getPublishedVersion()));
    }

    /**
     * Each pool of the published version of the newest {@code topologies} topologies that have one,
     * for the operators' home: one query, the documents read in memory.
     */
    @Transactional(readOnly = true)
    public List<PublishedPool> publishedPools(int topologies) {
        return versions.publishedVersions(PageRequest.of(0, topologies)).stream()
                .flatMap(version -> {
                    Topology topology = read(version);
                    return topology.pools().stream()
                            .map(pool -> new PublishedPool(
                                    version.getTopologyId(), topology.name(), version.getNumber(), pool.fqdn()));
                })
                .toList();
    }

    /** Every version, newest first. */
    @Transactional(readOnly = true)
    public List<VersionSummary> versions(long id) {
        TopologyEntity entity = topologies.findById(id).orElseThrow(() -> notFound(id));
        return versions.findByTopologyIdOrderByNumberDesc(id).stream()
                .map(version -> version.summary(entity.getPublishedVersion()))
                .toList();
    }

    /**
     * What each version changed against the one before it (every version is saved on the latest),
     * by version number, the first version having none: the versions list names each changed
     * element from these (issue 12), where the stored text of a version gives JSON paths.
     */
    @Transactional(readOnly = true)
    public java.util.Map<Integer, List<TopologyDiff.Change>> changesByVersion(long id) {
        topologies.findById(id).orElseThrow(() -> notFound(id));
        List<TopologyVersionEntity> newestFirst = versions.findByTopologyIdOrderByNumberDesc(id);
        java.util.Map<Integer, List<TopologyDiff.Change>> changes = new java.util.HashMap<>();
        Topology after = newestFirst.isEmpty() ? null : read(newestFirst.getFirst());
        for (int index = 1; index < newestFirst.size(); index++) {
            Topology before = read(newestFirst.get(index));
            changes.put(newestFirst.get(index - 1).getNumber(), TopologyDiff.between(before, after));
            after = before;
        }
        return changes;
    }

    /** What changed from version {@code from} to version {@code to}. */
    @Transactional(readOnly = true)
    public List<TopologyDiff.Change> compare(long id, int from, int to) {
        topologies.findById(id).orElseThrow(() -> notFound(id));
        return TopologyDiff.between(read(storedVersion(id, from)), read(storedVersion(id, to)));
    }

    /**
     * Makes version {@code number} the published one. Refused when it has rule errors, when the
     * approver wrote any of the changes it contains since the last publication (four eyes), and,
     * once a version is published, when a {@link PublicationGate} refuses (change control).
     */
    @PreAuthorize("hasRole('APPROVER')")
    public TopologyVersion publish(long id, int number) {
        String actor = CurrentUser.actor();
        TopologyEntity entity = topologies.lock(id).orElseThrow(() -> notFound(id));
        TopologyVersionEntity version = storedVersion(id, number);
        Integer previous = entity.getPublishedVersion();
        if (previous != null && previous == number) {
            throw new PortalException(Kind.CONFLICT, "topology_already_published", number);
        }
        Set<String> authors = authorsOfUnpublishedChanges(id, previous, number);
        if (authors.contains(actor)) {
            throw new PortalException(Kind.CONFLICT, "topology_four_eyes", number);
        }
        long errors = TopologyRules.check(read(version)).stream()
                .filter(violation -> violation.severity() == Severity.ERROR)
                .count();
        if (errors > 0) {
            throw new PortalException(Kind.CONFLICT, "topology_has_errors", number, errors);
        }
        // Replacing what is live goes through change control; the first publication does not.
        if (previous != null) {
            gates.orderedStream().forEach(gate -> gate.checkPublication(id, number, version.getSha256()));
        }
        entity.publish(number);
        events.publishEvent(new TopologyEvents.Published(actor, id, entity.getName(), number, previous));
        return view(entity, version);
    }

    /**
     * Records that warning {@code ruleId} of the latest version was looked at and accepted for one
     * element ({@code element}, the key the violation carries), with the reason. The same rule on
     * another element (T-5 on the other site) stays to be accepted on its own.
     */
    @PreAuthorize("hasAnyRole('OPERATOR', 'APPROVER')")
    public TopologyVersion acknowledge(long id, String ruleId, String element, String reason) {
        String why = TypedText.required(reason, MAX_TEXT, "acknowledgement_reason_required");
        TopologyEntity entity = topologies.lock(id).orElseThrow(() -> notFound(id));
        TopologyVersionEntity latest = storedVersion(id, entity.getLatestVersion());
        Topology topology = read(latest);
        Violation warning = check(id, topology).stream()
                .filter(violation -> violation.severity() == Severity.WARNING
                        && violation.ruleId().equals(ruleId)
                        && violation.element().equals(element))
                .findFirst()
                .orElseThrow(() -> new PortalException(Kind.NOT_FOUND, "topology_no_such_warning", ruleId, element));
        if (acknowledgements
                .findByTopologyIdAndRuleIdAndElement(id, ruleId, element)
                .isPresent()) {
            throw new PortalException(Kind.CONFLICT, "topology_warning_already_acknowledged", ruleId, element);
        }
        String actor = CurrentUser.actor();
        acknowledgements.save(
                new WarningAcknowledgementEntity(id, ruleId, element, warning.path(), why, actor, clock.instant()));
        String covers = ruleId + " for " + warning.describeElement(topology, english());
        events.publishEvent(new TopologyEvents.WarningAcknowledged(actor, id, ruleId, element, covers, why));
        return view(entity, latest);
    }

    /** English texts for the audit trail, which is kept in one language. */
    private TopologyElements.Texts english() {
        return (key, arguments) -> messages.getMessage(key, arguments, key, Locale.ENGLISH);
    }

    private TopologyVersion append(TopologyEntity entity, Topology topology, String comment, String changes) {
        String actor = CurrentUser.actor();
        String why = TypedText.optional(comment, MAX_TEXT);
        int number = entity.addVersion(topology.name());
        TopologyVersionEntity version = versions.saveAndFlush(new TopologyVersionEntity(
                entity.getId(),
                number,
                TopologyFormat.write(topology),
                TopologyFormat.sha256(topology),
                actor,
                clock.instant(),
                why,
                changes));
        events.publishEvent(
                new TopologyEvents.VersionSaved(actor, entity.getId(), topology.name(), number, why, changes));
        return view(entity, version);
    }

    /**
     * Authors of the versions a publication of {@code number} puts live: every version since the
     * last publication, or the version itself when going back to an older one.
     */
    private Set<String> authorsOfUnpublishedChanges(long id, Integer published, int number) {
        int from;
        if (published == null) {
            from = 1;
        } else if (published < number) {
            from = published + 1;
        } else {
            from = number;
        }
        Set<String> authors = new HashSet<>();
        versions.findByTopologyIdAndNumberBetween(id, from, number)
                .forEach(version -> authors.add(version.getAuthor()));
        return authors;
    }

    private TopologyVersion view(TopologyEntity entity, TopologyVersionEntity version) {
        Topology topology = read(version);
        List<TopologyVersion.Acknowledgement> acks = acknowledgements.findByTopologyId(entity.getId()).stream()
                .map(WarningAcknowledgementEntity::view)
                .toList();
        return new TopologyVersion(
                entity.getId(),
                version.getNumber(),
                entity.getLatestVersion(),
                entity.getPublishedVersion(),
                topology,
                version.getDocument(),
                version.getSha256(),
                version.getAuthor(),
                version.getCreatedAt(),
                version.getComment(),
                check(entity.getId(), topology),
                acks);
    }

    /** The design-time rules, T-17 with the pools of every other topology's latest version. */
    private List<Violation> check(long id, Topology topology) {
        Map<String, String> poolsElsewhere = new HashMap<>();
        for (TopologyVersionRepository.LatestVersion other : versions.latestVersionsOfOthers(id)) {
            for (String fqdn : poolFqdns(other)) {
                poolsElsewhere.putIfAbsent(fqdn, other.getTopologyName());
            }
        }
        return TopologyRules.check(topology, CheckPhase.DESIGN, poolsElsewhere);
    }

    /**
     * The pool FQDNs (lower case) of a stored version, read from its document once: every view of
     * a version checks T-17 against all the other topologies, and reading each of their documents
     * every time made a run request cost four times its baseline (issue 10, {@code bench/runs.sh}).
     * Keyed by the document's SHA-256, so an entry can never be stale and every instance may keep
     * its own.
     */
    private List<String> poolFqdns(TopologyVersionRepository.LatestVersion version) {
        synchronized (poolFqdnsByDocument) {
            List<String> known = poolFqdnsByDocument.get(version.getSha256());
            if (known != null) {
                return known;
            }
        }
        List<String> fqdns = read(versions.findById(version.getVersionId()).orElseThrow()).pools().stream()
                .map(Topology.Pool::fqdn)
                .filter(java.util.Objects::nonNull)
                .map(fqdn -> fqdn.toLowerCase(Locale.ROOT))
                .toList();
        synchronized (poolFqdnsByDocument) {
            poolFqdnsByDocument.put(version.getSha256(), fqdns);
        }
        return fqdns;
    }

    private TopologyVersionEntity storedVersion(long id, int number) {
        return versions.findByTopologyIdAndNumber(id, number)
                .orElseThrow(() -> new PortalException(Kind.NOT_FOUND, "topology_version_not_found", id, number));
    }

    /** Stored documents were written by {@link TopologyFormat#write}; they always read back. */
    private static Topology read(TopologyVersionEntity version) {
        return switch (TopologyFormat.read(version.getDocument())) {
            case ReadResult.Read read -> read.topology();
            case ReadResult.Unreadable unreadable ->
                throw new IllegalStateException("Stored version " + version.getNumber() + " of topology "
                        + version.getTopologyId() + " no longer reads: " + unreadable.errors());
        };
    }

    private static PortalException notFound(long id) {
        return new PortalException(Kind.NOT_FOUND, "topology_not_found", id);
    }
}
