package org.pchatdr.portal.audit.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.pchatdr.portal.audit.AuditEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keyset pages of the audit trail whose cost does not grow with its length (issue 14, decision
 * 020): each query names only the conditions that are set, so that the database can use an index.
 * <ul>
 *   <li>One equality condition <em>drives</em> the page — the target, else the subject's targets,
 *       else the actor, else the action — read through its {@code (column, seq)} index newest first
 *       ({@code order by column desc, seq desc}, which with the column fixed is the sequence order),
 *       so the database stops after {@code size + 1} rows. Without one, the primary key drives.
 *   <li>Every other condition (a second equality, the time window, words in {@code q}) is checked
 *       row by row; to keep that bounded, such a page examines at most {@link #WINDOW} sequence
 *       numbers below its cursor. A page may then hold fewer rows than asked, even none, and still
 *       name a {@code next} cursor: the reader goes on from there, never by an OFFSET.
 *   <li>A time window first narrows the sequence range through the time index (the newest record
 *       before {@code to}, the oldest from {@code from}, widened by {@link #CLOCK_SKEW_RECORDS}),
 *       so its pages start at its records and end with them.
 * </ul>
 */
@Component
public class AuditKeyset {

    /** The sequence numbers a page with conditions checked row by row examines at most. */
    public static final long WINDOW = 20_000;

    /**
     * Records are stamped while the chain head is locked, so on one clock time follows the
     * sequence; a time window's range is widened by this many records for instances whose clocks
     * disagree a little.
     */
    static final long CLOCK_SKEW_RECORDS = 1_000;

    private final EntityManager entities;
    private final long window;

    @Autowired
    AuditKeyset(EntityManager entities) {
        this(entities, WINDOW);
    }

    /** With a smaller window, so that a test sees pages cut by it without writing 20,000 records. */
    AuditKeyset(EntityManager entities, long window) {
        this.entities = entities;
        this.window = window;
    }

    /**
     * The filter as the queries use it: blank values are {@code null}; {@code q} is the lower-case
     * LIKE pattern and {@code subjectPrefix} the LIKE prefix of the subject's decorated targets,
     * both with their wildcards escaped by {@code \}.
     */
    public record Criteria(
            String actor,
            String action,
            String target,
            String subject,
            String subjectPrefix,
            Instant from,
            Instant to,
            String q) {}

    /** The rows of one page, newest first, and the cursor below which the next page reads. */
    public record Page<T>(List<T> records, Long next) {}

    /**
     * What a page reads of each record: whole records for the grid and the API ({@link #RECORDS}),
     * which show the translated message, or only the columns an export writes ({@link #EXPORTED}).
     * Either way through the same conditions, cursor and window below.
     */
    public static final class Columns<T> {
        private final String select;
        private final Class<T> type;
        private final ToLongFunction<T> seq;

        private Columns(String select, Class<T> type, ToLongFunction<T> seq) {
            this.select = select;
            this.type = type;
            this.seq = seq;
        }
    }

    /** Whole records, as entities. */
    public static final Columns<AuditRecord> RECORDS = new Columns<>("r", AuditRecord.class, AuditRecord::getSeq);

    /**
     * The exported columns only, built by the query (a JPQL constructor expression): an export of a
     * million records then neither makes a million entities with their loaded-state snapshots nor
     * reads the message column (bench/README, "audit.sh").
     */
    public static final Columns<AuditEntry> EXPORTED = new Columns<>(
            "new " + AuditEntry.class.getName()
                    + "(r.seq, r.occurredAt, r.actor, r.action, r.target, r.details, r.clientAddress, r.hash)",
            AuditEntry.class,
            AuditEntry::seq);

    /** A page of whole records. */
    public Page<AuditRecord> page(Criteria criteria, Long before, int size) {
        return page(criteria, before, size, RECORDS);
    }

    /** A page of {@code columns}: the records matching {@code criteria} below {@code before}, newest first. */
    public <T> Page<T> page(Criteria criteria, Long before, int size, Columns<T> columns) {
        String driving;
        List<String> values;
        if (criteria.target() != null) {
            driving = "target";
            values = List.of(criteria.target());
        } else if (criteria.subject() != null) {
            driving = "target";
            values = subjectTargets(criteria);
        } else if (criteria.actor() != null) {
            driving = "actor";
            values = List.of(criteria.actor());
        } else if (criteria.action() != null) {
            driving = "action";
            values = List.of(criteria.action());
        } else {
            driving = null;
            values = null;
        }
        if (values != null && values.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        long upper = before != null ? before : headSeq() + 1;
        // A time window narrows the sequence range through the time index first, so that its pages
        // neither start with empty windows above it nor walk on below it.
        Long floor = null;
        if (criteria.to() != null) {
            Long last = seqAt(
                    "select r.seq from AuditRecord r where r.occurredAt < :at order by r.occurredAt desc",
                    criteria.to());
            if (last == null) {
                return new Page<>(List.of(), null);
            }
            upper = Math.min(upper, last + 1 + CLOCK_SKEW_RECORDS);
        }
        if (criteria.from() != null) {
            Long first = seqAt(
                    "select r.seq from AuditRecord r where r.occurredAt >= :at order by r.occurredAt", criteria.from());
            if (first == null) {
                return new Page<>(List.of(), null);
            }
            floor = Math.max(1, first - CLOCK_SKEW_RECORDS);
        }
        Long lower = rowByRow(criteria, driving) ? Math.max(1, upper - window) : null;
        if (floor != null) {
            lower = lower == null ? floor : Math.max(lower, floor);
        }
        if (lower != null && lower >= upper) {
            return new Page<>(List.of(), null);
        }
        List<T> found = new ArrayList<>();
        for (String value : values == null ? java.util.Collections.<String>singletonList(null) : values) {
            found.addAll(query(criteria, driving, value, upper, lower, size + 1, columns));
        }
        if (values != null && values.size() > 1) {
            // Several driving values (a subject's targets): their rows merged, newest first.
            found.sort(Comparator.comparingLong(columns.seq).reversed());
        }
        if (found.size() > size) {
            List<T> shown = List.copyOf(found.subList(0, size));
            return new Page<>(shown, columns.seq.applyAsLong(shown.getLast()));
        }
        // The window ended before the page filled: older records may still match below it.
        return new Page<>(List.copyOf(found), lower != null && lower > (floor == null ? 1 : floor) ? lower : null);
    }

    /**
     * The {@code size} records that follow sequence {@code seq} on the chain, oldest first, detached:
     * a verification walks the whole chain in one transaction, and records kept in the persistence
     * context would make every next read flush-check all of them (quadratic at a million).
     */
    public List<AuditRecord> chainAfter(long seq, int size) {
        List<AuditRecord> rows = entities.createQuery(
                        "select r from AuditRecord r where r.seq > :seq order by r.seq", AuditRecord.class)
                .setParameter("seq", seq)
                .setMaxResults(size)
                .getResultList();
        rows.forEach(entities::detach);
        return rows;
    }

    /** How many records match below {@code before} (all of them when null): the count before an export. */
    public long count(Criteria criteria, Long before) {
        StringBuilder jpql = new StringBuilder("select count(r) from AuditRecord r where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        and(jpql, parameters, " and r.seq < :before", "before", before);
        conditions(criteria, jpql, parameters);
        if (criteria.subject() != null && criteria.target() == null) {
            List<String> targets = subjectTargets(criteria);
            if (targets.isEmpty()) {
                return 0;
            }
            jpql.append(" and r.target in :targets");
            parameters.put("targets", targets);
        } else {
            subject(criteria, jpql, parameters);
        }
        TypedQuery<Long> query = entities.createQuery(jpql.toString(), Long.class);
        parameters.forEach(query::setParameter);
        return query.getSingleResult();
    }

    private <T> List<T> query(
            Criteria criteria, String driving, String value, long upper, Long lower, int limit, Columns<T> columns) {
        StringBuilder jpql = new StringBuilder("select " + columns.select + " from AuditRecord r where r.seq < :upper");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("upper", upper);
        and(jpql, parameters, " and r.seq >= :lower", "lower", lower);
        if (driving != null) {
            jpql.append(" and r.").append(driving).append(" = :driving");
            parameters.put("driving", value);
        }
        conditions(criteria, jpql, parameters);
        if (criteria.target() != null) {
            // The target drives: the subject, if also set, is checked row by row.
            subject(criteria, jpql, parameters);
        }
        jpql.append(driving == null ? " order by r.seq desc" : " order by r." + driving + " desc, r.seq desc");
        TypedQuery<T> query = entities.createQuery(jpql.toString(), columns.type);
        parameters.forEach(query::setParameter);
        return query.setMaxResults(limit).getResultList();
    }

    /** The set conditions other than the subject, which the driving targets already stand for. */
    private static void conditions(Criteria criteria, StringBuilder jpql, Map<String, Object> parameters) {
        and(jpql, parameters, " and r.actor = :actor", "actor", criteria.actor());
        and(jpql, parameters, " and r.action = :action", "action", criteria.action());
        and(jpql, parameters, " and r.target = :target", "target", criteria.target());
        and(jpql, parameters, " and r.occurredAt >= :from", "from", criteria.from());
        and(jpql, parameters, " and r.occurredAt < :to", "to", criteria.to());
        and(
                jpql,
                parameters,
                " and (lower(r.details) like :q escape '\\' or lower(r.target) like :q escape '\\'"
                        + " or lower(r.actor) like :q escape '\\')",
                "q",
                criteria.q());
    }

    /** Adds {@code clause} with {@code name} bound to {@code value}, when the value is set. */
    private static void and(
            StringBuilder jpql, Map<String, Object> parameters, String clause, String name, Object value) {
        if (value != null) {
            jpql.append(clause);
            parameters.put(name, value);
        }
    }

    private static void subject(Criteria criteria, StringBuilder jpql, Map<String, Object> parameters) {
        if (criteria.subject() != null) {
            jpql.append(" and (r.target = :subject or r.target like :subjectPrefix escape '\\')");
            parameters.put("subject", criteria.subject());
            parameters.put("subjectPrefix", criteria.subjectPrefix() + "%");
        }
    }

    /**
     * Whether a condition besides the driving one is set, so that rows are checked one by one: the
     * window then bounds the page. A target with a subject keeps the subject's check row by row.
     */
    private static boolean rowByRow(Criteria criteria, String driving) {
        int set = 0;
        for (Object condition : new Object[] {
            criteria.actor(),
            criteria.action(),
            criteria.target(),
            criteria.subject(),
            criteria.from(),
            criteria.to(),
            criteria.q()
        }) {
            if (condition != null) {
                set++;
            }
        }
        return set > (driving == null ? 0 : 1);
    }

    /**
     * The targets a subject stands for: itself and its decorated forms ({@code run 12 (pool)}),
     * each found through the target index (an equality, and a LIKE with a fixed prefix).
     */
    private List<String> subjectTargets(Criteria criteria) {
        List<String> targets = new ArrayList<>();
        boolean exact = !entities.createQuery("select r.seq from AuditRecord r where r.target = :subject", Long.class)
                .setParameter("subject", criteria.subject())
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
        if (exact) {
            targets.add(criteria.subject());
        }
        // A range the target index answers, bound or not (a LIKE with a bound pattern may not use
        // it): "run 12 (" <= target < "run 12 )" holds exactly the targets starting with "run 12 (".
        targets.addAll(entities.createQuery(
                        "select distinct r.target from AuditRecord r where r.target >= :low and r.target < :high"
                                + " and r.target like :prefix escape '\\'",
                        String.class)
                .setParameter("low", criteria.subject() + " (")
                .setParameter("high", criteria.subject() + " )")
                .setParameter("prefix", criteria.subjectPrefix() + "%")
                .getResultList());
        return targets;
    }

    /** The sequence number of the first record the time query finds, through the time index. */
    private Long seqAt(String jpql, Instant at) {
        List<Long> found = entities.createQuery(jpql, Long.class)
                .setParameter("at", at)
                .setMaxResults(1)
                .getResultList();
        return found.isEmpty() ? null : found.getFirst();
    }

    private long headSeq() {
        Long max = entities.createQuery("select max(r.seq) from AuditRecord r", Long.class)
                .getSingleResult();
        return max == null ? 0 : max;
    }
}
