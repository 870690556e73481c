package org.pchatdr.portal.change.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ChangeRunRepository extends JpaRepository<ChangeRunEntity, Long> {

    List<ChangeRunEntity> findByChangeIdOrderByIdAsc(long changeId);

    Optional<ChangeRunEntity> findByRunId(long runId);
}
