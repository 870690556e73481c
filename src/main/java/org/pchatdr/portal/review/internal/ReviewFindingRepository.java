package org.pchatdr.portal.review.internal;

import java.time.LocalDate;
import java.util.List;
import org.pchatdr.portal.base.LockingRepository;
import org.springframework.data.jpa.repository.Query;

public interface ReviewFindingRepository extends LockingRepository<ReviewFinding> {

    List<ReviewFinding> findByRunIdOrderByIdAsc(long runId);

    @Query("select f from ReviewFinding f where f.closed.at is null and f.due < :today order by f.due asc")
    List<ReviewFinding> overdue(LocalDate today);

    @Query("select count(f) from ReviewFinding f where f.closed.at is null and f.runId in "
            + "(select r.runId from RunReview r where r.pool = :pool)")
    long countOpenForPool(String pool);
}
