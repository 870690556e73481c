package org.pchatdr.portal.topology.ui;

import com.vaadin.flow.component.textfield.IntegerField;
import org.pchatdr.portal.topology.ui.DraftTopology.DraftPool;

/** A pool's recovery objectives (RPO, RTO), in minutes; typing one gives the pool objectives. */
class ObjectivesForm extends RecordForm<DraftPool> {

    private final IntegerField rpo = number("pool-rpo", "editor.pool.rpo", 0, null);
    private final IntegerField rto = number("pool-rto", "editor.pool.rto", 0, null);

    ObjectivesForm() {
        minutes("rpoMinutes", rpo, false, pool -> pool.rpoMinutes, (pool, value) -> {
            pool.hasObjectives = true;
            pool.rpoMinutes = value;
        });
        minutes("rtoMinutes", rto, false, pool -> pool.rtoMinutes, (pool, value) -> {
            pool.hasObjectives = true;
            pool.rtoMinutes = value;
        });
        wholeRecord(rpo);
        getContent().add(rpo, rto);
    }
}
