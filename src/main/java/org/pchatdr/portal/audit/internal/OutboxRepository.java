package org.pchatdr.portal.audit.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OutboxRepository extends JpaRepository<OutboxEntry, Long> {

    /** The oldest unsent records, in sequence order: the collector receives them in the chain's order. */
    @Query("select o.seq from OutboxEntry o order by o.seq")
    List<Long> oldest(Limit limit);

    @Query("select min(o.createdAt) from OutboxEntry o")
    Optional<Instant> oldestCreatedAt();
}
