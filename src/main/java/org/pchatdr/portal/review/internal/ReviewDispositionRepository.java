package org.pchatdr.portal.review.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReviewDispositionRepository extends JpaRepository<ReviewDisposition, Long> {

    List<ReviewDisposition> findByRunIdOrderByIdAsc(long runId);
}
