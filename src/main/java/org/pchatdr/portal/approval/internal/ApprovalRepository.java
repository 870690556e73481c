package org.pchatdr.portal.approval.internal;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ApprovalRepository extends JpaRepository<ApprovalEntity, Long> {

    List<ApprovalEntity> findBySubjectTypeAndSubjectIdOrderByDecidedAtAscIdAsc(String subjectType, long subjectId);

    /** The approver's current decision on the subject, if any. */
    Optional<ApprovalEntity> findBySubjectTypeAndSubjectIdAndApproverAndSlot(
            String subjectType, long subjectId, String approver, long slot);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from ApprovalEntity a where a.id = :id")
    Optional<ApprovalEntity> lock(Long id);
}
