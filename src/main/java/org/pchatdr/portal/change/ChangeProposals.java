package org.pchatdr.portal.change;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;
import org.pchatdr.portal.base.TypedText;
import org.pchatdr.portal.change.internal.Content;
import org.pchatdr.portal.change.internal.RiskAssessor;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologyDiff;
import org.pchatdr.portal.topology.TopologyService;
import org.pchatdr.portal.topology.TopologyVersion;
import org.springframework.stereotype.Component;

/**
 * What a draft proposes, read and checked: the saved version against the published one (the diff
 * is the change), the content its hash covers (plans, window in its zone, the pools the diff
 * touches) and the risk computed from the diff. Every text a person types is bounded here.
 */
@Component
record ChangeProposals(TopologyService topologies) {

    static final int MAX_TITLE = 200;
    static final int MAX_JUSTIFICATION = 4000;
    static final int MAX_PLAN = 20_000;

    private static final Pattern POOL_PATH = Pattern.compile("^pools\\[(\\d+)]");

    /** What the proposed version changes against the published one, and the content to hash. */
    record Proposal(int base, Content content, Risk risk) {}

    Proposal proposal(long topologyId, ChangeDraft draft) {
        if (draft.topologyVersion() == null) {
            throw new PortalException(Kind.INVALID, "change_version_required");
        }
        TopologyVersion published;
        try {
            published = topologies.published(topologyId);
        } catch (PortalException e) {
            // Nothing is live yet: the first publication needs no change request.
            throw new PortalException(Kind.CONFLICT, "change_topology_not_published", topologyId);
        }
        TopologyVersion proposed = topologies.version(topologyId, draft.topologyVersion());
        if (proposed.number() == published.number()) {
            throw new PortalException(Kind.CONFLICT, "change_version_is_published", proposed.number());
        }
        List<TopologyDiff.Change> diff = topologies.compare(topologyId, published.number(), proposed.number());
        ZoneId zone = zone(draft.timeZone());
        Instant start = instant(draft.windowStart(), zone);
        Instant end = instant(draft.windowEnd(), zone);
        if (!start.isBefore(end)) {
            throw new PortalException(Kind.INVALID, "change_range_invalid");
        }
        Content content = new Content(
                proposed.number(),
                proposed.sha256(),
                TypedText.optional(draft.implementationPlan(), MAX_PLAN),
                TypedText.optional(draft.backoutPlan(), MAX_PLAN),
                TypedText.optional(draft.testPlan(), MAX_PLAN),
                start,
                end,
                zone.getId(),
                pools(diff, published.topology(), proposed.topology()));
        return new Proposal(published.number(), content, RiskAssessor.assess(diff, draft.declaredRisk()));
    }

    /**
     * The pools a diff touches: those whose own fields changed; every pool of either version when
     * something outside the pools changed (sites and SQL instances serve them all).
     */
    static List<String> pools(List<TopologyDiff.Change> diff, Topology before, Topology after) {
        Set<String> pools = new LinkedHashSet<>();
        for (TopologyDiff.Change change : diff) {
            Matcher matcher = POOL_PATH.matcher(change.path());
            if (matcher.find()) {
                int index = Integer.parseInt(matcher.group(1));
                Topology side = change.after() == null ? before : after;
                if (index < side.pools().size()) {
                    pools.add(side.pools().get(index).fqdn());
                }
            } else {
                before.pools().forEach(pool -> pools.add(pool.fqdn()));
                after.pools().forEach(pool -> pools.add(pool.fqdn()));
            }
        }
        return new ArrayList<>(pools);
    }

    static ZoneId zone(String timeZone) {
        try {
            return ZoneId.of(timeZone == null ? "" : timeZone);
        } catch (DateTimeException e) {
            throw new PortalException(Kind.INVALID, "change_time_zone_invalid", String.valueOf(timeZone));
        }
    }

    /** An ISO date-time with an offset, or local to {@code zone}. */
    static Instant instant(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            throw new PortalException(Kind.INVALID, "change_window_required");
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new PortalException(Kind.INVALID, "change_window_invalid", text);
            }
        }
    }

    static String title(ChangeDraft draft) {
        return TypedText.required(draft.title(), MAX_TITLE, "change_title_required");
    }

    static String justification(ChangeDraft draft) {
        return TypedText.optional(draft.justification(), MAX_JUSTIFICATION);
    }
}
