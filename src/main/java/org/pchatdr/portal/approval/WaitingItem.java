package org.pchatdr.portal.approval;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that waits on the signed-in approver's decision, as the contributing feature words it
 * in the reader's language.
 *
 * @param subject what is to be decided on
 * @param path the address of the page where the approver decides, without a leading slash
 * @param title the subject's name, such as "Run 12"
 * @param kindLabel the name of its policy kind
 * @param need what the approver is asked to do
 * @param summary what the subject is about
 * @param since since when it waits; the inbox lists the oldest first
 * @param marker a warning to show beside the need (a deadline that passed), or {@code null}
 */
public record WaitingItem(
        Subject subject,
        String path,
        String title,
        String kindLabel,
        String need,
        String summary,
        String requestedBy,
        Instant since,
        Marker marker) {

    public WaitingItem {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(since, "since");
    }

    /** A short warning, with a longer hint; {@code urgent} when it is already late. */
    public record Marker(String text, String hint, boolean urgent) {}
}
