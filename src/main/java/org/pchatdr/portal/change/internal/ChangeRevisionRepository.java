package org.pchatdr.portal.change.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ChangeRevisionRepository extends JpaRepository<ChangeRevision, Long> {

    Optional<ChangeRevision> findByChangeIdAndNumber(long changeId, int number);

    List<ChangeRevision> findByChangeIdOrderByNumberAsc(long changeId);
}
