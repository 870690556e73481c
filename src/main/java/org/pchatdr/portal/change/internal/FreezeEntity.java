package org.pchatdr.portal.change.internal;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A change freeze: no implementation on its pools (every pool when it names none) in its time. */
@Entity
@Table(name = "change_freeze")
// A freeze always says why (a window may not).
@AttributeOverride(name = "reason", column = @Column(name = "reason", nullable = false, length = 1000))
public class FreezeEntity extends CalendarPeriod {

    @Column(columnDefinition = "NVARCHAR(MAX)")
    private String pools;

    protected FreezeEntity() {}

    public FreezeEntity(Instant start, Instant end, String reason, List<String> pools, String createdBy, Instant now) {
        super(start, end, reason, createdBy, now);
        this.pools = pools.isEmpty() ? null : String.join("\n", pools);
    }

    public List<String> pools() {
        return pools == null ? List.of() : Arrays.asList(pools.split("\n"));
    }
}
