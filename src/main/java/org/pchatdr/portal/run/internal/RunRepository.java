package org.pchatdr.portal.run.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pchatdr.portal.base.LockingRepository;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunState;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.Query;

public interface RunRepository extends LockingRepository<Run> {

    /** Only the version: pages watching a run ask it every second, and reload the run when it moved. */
    @Query("select r.version from Run r where r.id = :id")
    Optional<Long> version(Long id);

    @Query("select r from Run r where (:pool is null or lower(r.pool) = lower(:pool))"
            + " and (:kind is null or r.kind = :kind)"
            + " and (:state is null or r.state = :state)"
            + " and (:requester is null or lower(r.requested.by) = lower(:requester))"
            + " and (:from is null or r.requested.at >= :from)"
            + " and (:to is null or r.requested.at < :to)")
    Slice<Run> search(
            String pool, RunKind kind, RunState state, String requester, Instant from, Instant to, Pageable pageable);

    /** Emergency starts still unratified after their deadline, most overdue first. */
    @Query("select r from Run r where r.emergency.ratifyBy < :now and r.emergency.ratifiedAt is null"
            + " order by r.emergency.ratifyBy")
    List<Run> ratificationsDueBefore(Instant now);

    /** Where an approver may have something to decide: the inbox and its stamp read the same runs. */
    String AWAITING_SOMEONE = " where r.state in (org.pchatdr.portal.run.RunState.REQUESTED,"
            + " org.pchatdr.portal.run.RunState.IN_PROGRESS)"
            + " or (r.emergency.declared.at is not null and r.emergency.ratifiedAt is null)";

    /** Runs on which an approver may have something to decide, with their steps: one query. */
    @Query("select distinct r from Run r left join fetch r.steps" + AWAITING_SOMEONE + " order by r.id")
    List<Run> awaitingSomeone();

    /**
     * A value that moves whenever a run enters or leaves {@link #awaitingSomeone()} or changes while
     * in it (every change bumps a run's version): how many, their versions added up, the newest id.
     */
    @Query("select cast(count(r) as String) || ':' || cast(coalesce(sum(r.version), 0) as String) || ':'"
            + " || cast(coalesce(max(r.id), 0) as String) from Run r" + AWAITING_SOMEONE)
    String awaitingStamp();

    /** Runs not finished, newest first, with their steps: one query for the operators' home. */
    @Query("select distinct r from Run r left join fetch r.steps where r.state in"
            + " (org.pchatdr.portal.run.RunState.REQUESTED, org.pchatdr.portal.run.RunState.APPROVED,"
            + " org.pchatdr.portal.run.RunState.IN_PROGRESS) order by r.id desc")
    List<Run> unfinished();

    /** DISASTER runs waiting for their approval or for the ratification of their emergency start. */
    @Query("select r from Run r where r.kind = org.pchatdr.portal.run.RunKind.DISASTER"
            + " and (r.state = org.pchatdr.portal.run.RunState.REQUESTED"
            + " or (r.emergency.declared.at is not null and r.emergency.ratifiedAt is null)) order by r.id")
    List<Run> pendingDisasters();

    /** Issue 16: runs waiting for an approval, for the {@code portal.approvals.waiting} gauge. */
    long countByState(RunState state);
}
