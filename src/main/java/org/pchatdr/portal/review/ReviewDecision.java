package org.pchatdr.portal.review;

import java.time.LocalDate;
import java.util.List;

/** A manager's decision on a run: sign it off, or return it with findings. */
public record ReviewDecision(
        Outcome decision, String comment, List<Disposition> dispositions, List<NewFinding> findings) {

    public ReviewDecision {
        dispositions = dispositions == null ? List.of() : List.copyOf(dispositions);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    public enum Outcome {
        SIGN_OFF,
        RETURN
    }

    /** The note for one exception, named by its code ({@code STEP_SKIPPED:3}). */
    public record Disposition(String exception, String note) {}

    public record NewFinding(String title, String owner, LocalDate due) {}
}
