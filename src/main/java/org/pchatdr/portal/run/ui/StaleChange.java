package org.pchatdr.portal.run.ui;

import com.vaadin.flow.component.Component;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.pchatdr.portal.run.RunAction;
import org.pchatdr.portal.run.RunLastChange;
import org.pchatdr.portal.run.RunView;

/**
 * What to tell someone whose action met a run that changed under them, as a person would say it:
 * "alice aborted this run at 16:51 UTC; nothing is left to approve". Who and when are the run's
 * last change; what they did is read from the run as it now is (the transition stamped with that
 * moment); whether anything is left is the rulebook's answer for the reader ({@link
 * RunView#actions()}). No version numbers, no seconds: the change just happened.
 */
final class StaleChange {

    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private StaleChange() {}

    /** The message for a reader who tried {@code action} (on step {@code step}) on an older version of {@code run}. */
    static String message(Component page, RunView run, RunAction action, int step) {
        String what = RunLastChange.of(run)
                .map(done -> page.getTranslation(done.messageKey(), done.step()))
                .orElseGet(() -> page.getTranslation("runpage.stale.did.CHANGED"));
        String left = run.actions().contains(action.name(step))
                ? page.getTranslation("runpage.stale.still")
                : page.getTranslation("runpage.stale.gone." + action.name(), step);
        return page.getTranslation("runpage.stale", run.changedBy(), what, HOUR.format(run.changedAt()), left);
    }
}
