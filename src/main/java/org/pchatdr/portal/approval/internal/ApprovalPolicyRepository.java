package org.pchatdr.portal.approval.internal;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.pchatdr.portal.approval.ApprovalPolicy;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ApprovalPolicyRepository extends JpaRepository<ApprovalPolicyEntity, String> {

    /** The stored policy, row-locked: two administrators saving at once queue up. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from ApprovalPolicyEntity p where p.kind = :kind")
    Optional<ApprovalPolicyEntity> lock(String kind);

    default ApprovalPolicy effective(String kind) {
        return findById(kind).map(ApprovalPolicyEntity::policy).orElse(ApprovalPolicy.DEFAULT);
    }
}
