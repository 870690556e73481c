package org.pchatdr.portal.base;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * Who did something and when: an account's name (or a system actor's) and the instant. Stored in
 * two columns named after the entity's field, {@code <field>_by} and {@code <field>_at} (a field
 * {@code granted} maps {@code granted_by} and {@code granted_at}: the component-path naming set in
 * {@code application.properties}, decision 025). A stamp not yet made is {@code null}.
 */
@Embeddable
public record Stamp(@Column(length = 64) String by, Instant at) {

    /** Who, of a stamp that may not be made yet. */
    public static String byOf(Stamp stamp) {
        return stamp == null ? null : stamp.by();
    }

    /** When, of a stamp that may not be made yet. */
    public static Instant atOf(Stamp stamp) {
        return stamp == null ? null : stamp.at();
    }
}
