package org.pchatdr.portal.change.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface FreezeRepository extends JpaRepository<FreezeEntity, Long> {

    List<FreezeEntity> findAllByOrderByStartAsc();
}
