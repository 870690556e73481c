package org.pchatdr.portal.run.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ActiveRunRepository extends JpaRepository<ActiveRun, String> {}
