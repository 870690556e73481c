package org.pchatdr.portal.change.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ExtensionRepository extends JpaRepository<ExtensionEntity, Long> {

    List<ExtensionEntity> findByChangeIdOrderByIdAsc(long changeId);
}
