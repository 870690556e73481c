package org.pchatdr.portal.review.internal;

import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ReviewFindingRepository extends JpaRepository<ReviewFinding, Long> {

    List<ReviewFinding> findByRunIdOrderByIdAsc(long runId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select f from ReviewFinding f where f.id = :id")
    Optional<ReviewFinding> lock(long id);

    @Query("select f from ReviewFinding f where f.closed.at is null and f.due < :today order by f.due asc")
    List<ReviewFinding> overdue(LocalDate today);

    @Query("select count(f) from ReviewFinding f where f.closed.at is null and f.runId in "
            + "(select r.runId from RunReview r where r.pool = :pool)")
    long countOpenForPool(String pool);
}
