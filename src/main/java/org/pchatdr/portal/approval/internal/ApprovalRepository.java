package org.pchatdr.portal.approval.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.pchatdr.portal.base.LockingRepository;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;

public interface ApprovalRepository extends LockingRepository<ApprovalEntity> {

    List<ApprovalEntity> findBySubjectTypeAndSubjectIdOrderByDecidedAtAscIdAsc(String subjectType, long subjectId);

    List<ApprovalEntity> findBySubjectTypeAndSubjectIdInOrderByDecidedAtAscIdAsc(
            String subjectType, Collection<Long> subjectIds);

    /** One approver's decisions, newest first, one page of them. */
    List<ApprovalEntity> findByApproverOrderByDecidedAtDescIdDesc(String approver, Pageable pageable);

    /** The approver's current decision on the subject, if any. */
    Optional<ApprovalEntity> findBySubjectTypeAndSubjectIdAndApproverAndSlot(
            String subjectType, long subjectId, String approver, long slot);

    /** Approvals that lapsed unused and whose expiry is not on the audit trail yet. */
    @Query("select a.id from ApprovalEntity a where a.expiresAt <= :now and a.expiryRecorded = false"
            + " and a.withdrawable = true and a.withdrawnAt is null"
            + " and a.decision = org.pchatdr.portal.approval.Approval.Decision.APPROVED")
    List<Long> lapsedUnrecorded(Instant now);
}
