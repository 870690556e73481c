package org.pchatdr.portal.review.internal;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.pchatdr.portal.review.ReviewState;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface RunReviewRepository extends JpaRepository<RunReview, Long> {

    /** Two managers deciding at once queue up here; the second is told the review moved. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from RunReview r where r.runId = :runId")
    Optional<RunReview> lock(long runId);

    List<RunReview> findByStateInOrderByDueAtAsc(Collection<ReviewState> states);

    List<RunReview> findByStateInAndDueAtBeforeOrderByDueAtAsc(Collection<ReviewState> states, Instant now);
}
