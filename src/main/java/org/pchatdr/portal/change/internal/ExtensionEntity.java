package org.pchatdr.portal.change.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.pchatdr.portal.base.GeneratedKey;
import org.pchatdr.portal.base.Stamp;
import org.pchatdr.portal.change.ChangeView;

/** An extension of an implementation's window: until when, why, and the approver who granted it (C-11). */
@Entity
@Table(name = "change_extension")
public class ExtensionEntity extends GeneratedKey {

    @Column(name = "change_id", nullable = false)
    private long changeId;

    @Column(name = "extended_to", nullable = false)
    private Instant extendedTo;

    @Column(nullable = false, length = 1000)
    private String reason;

    private Stamp granted;

    protected ExtensionEntity() {}

    public ExtensionEntity(long changeId, Instant extendedTo, String reason, String grantedBy, Instant grantedAt) {
        this.changeId = changeId;
        this.extendedTo = extendedTo;
        this.reason = reason;
        this.granted = new Stamp(grantedBy, grantedAt);
    }

    public ChangeView.Extension view() {
        return new ChangeView.Extension(extendedTo, reason, granted.by(), granted.at());
    }
}
