package org.pchatdr.portal.change.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface WindowRepository extends JpaRepository<WindowEntity, Long> {

    List<WindowEntity> findAllByOrderByStartAsc();
}
