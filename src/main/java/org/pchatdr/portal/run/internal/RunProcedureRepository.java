package org.pchatdr.portal.run.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** The frozen procedures of runs, by run id: read only when someone looks at the procedure itself. */
public interface RunProcedureRepository extends JpaRepository<RunProcedure, Long> {}
