package org.pchatdr.portal.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * For a page that polls: a poll is a request that would keep an idle session alive for ever, so the
 * page stops polling once nobody acted on it for the session timeout. This note reckons that time
 * ({@link #acted}, {@link #idle}) and, shown when the page stops, says so beside a button that
 * resumes. Hidden until then; the page shows and hides it.
 */
public class IdlePollingPause extends Div {

    private final Clock clock;
    private final Duration idleLimit;
    private Instant lastAction = Instant.MIN;

    /**
     * @param idleLimit the session timeout
     * @param textKey the translation key of what the note says, given the timeout's minutes
     * @param resumeKey the translation key of the button that resumes, {@code resumeId} its id
     * @param resume what resuming does
     */
    public IdlePollingPause(
            Clock clock, Duration idleLimit, String textKey, String resumeKey, String resumeId, Runnable resume) {
        this.clock = clock;
        this.idleLimit = idleLimit;
        Button button = new Button(getTranslation(resumeKey), click -> resume.run());
        button.setId(resumeId);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        add(new Span(getTranslation(textKey, idleLimit.toMinutes())), button);
        getElement().setAttribute("role", "status");
        setVisible(false);
    }

    /** Someone acted on the page: the idle time counts from now. */
    public void acted() {
        lastAction = clock.instant();
    }

    /** Whether nobody acted on the page for longer than the session timeout. */
    public boolean idle() {
        return Duration.between(lastAction, clock.instant()).compareTo(idleLimit) > 0;
    }
}
