package org.pchatdr.portal.change.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.change.ChangeCalendar.Freeze;
import org.pchatdr.portal.change.ChangeCalendar.MaintenanceWindow;
import org.pchatdr.portal.change.ChangeCalendarService;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The month calendar of maintenance windows and freezes, drawn on the server. */
class ChangeCalendarPageTest extends KaribuTest {

    @Autowired
    ChangeCalendarService calendar;

    private MaintenanceWindow window;
    private Freeze freeze;

    /** Windows and freezes hold for every pool in the shared database: leave none behind. */
    @AfterEach
    void removeWhatThisTestAdded() {
        signIn("cal-admin", Role.ADMIN);
        if (window != null) {
            calendar.removeWindow(window.id());
        }
        if (freeze != null) {
            calendar.removeFreeze(freeze.id());
        }
    }

    @Test
    void aWindowAndAFreezeAreDrawnOnTheirDaysAndTheFreezeWinsWhereTheyMeet() {
        // Far in the future, so that no other test's change request falls inside them.
        signIn("cal-admin", Role.ADMIN);
        window = calendar.addWindow(
                "cal.example.local",
                Instant.parse("2031-03-07T22:00:00Z"),
                Instant.parse("2031-03-09T02:00:00Z"),
                "Weekend");
        freeze = calendar.addFreeze(
                Instant.parse("2031-03-08T00:00:00Z"),
                Instant.parse("2031-03-08T23:59:00Z"),
                "Quarter close",
                List.of());
        signIn("cal-reader", Role.AUDITOR);

        navigate("change-calendar", QueryParameters.of("month", "2031-03"));

        assertThat(_get(Span.class, spec -> spec.withId("calendar-month")).getText())
                .isEqualTo("March 2031");
        assertThat(day("2031-03-07").getClassNames()).contains("window");
        assertThat(day("2031-03-07").getElement().getTextRecursively()).contains("Window: cal.example.local Weekend");
        assertThat(day("2031-03-08").getClassNames()).contains("frozen").doesNotContain("window");
        assertThat(day("2031-03-08").getElement().getTextRecursively())
                .contains("Freeze: Quarter close (all pools)", "Window: cal.example.local");
        assertThat(day("2031-03-09").getClassNames()).contains("window");
        assertThat(day("2031-03-10").getClassNames()).isEmpty();
    }

    @Test
    void theMonthSpeaksFrenchAndStartsOnItsWeekday() {
        signIn("cal-reader", Role.AUDITOR);
        chooseLanguage(Locale.FRENCH);

        navigate("change-calendar", QueryParameters.of("month", "2031-03"));

        assertThat(_get(Span.class, spec -> spec.withId("calendar-month")).getText())
                .isEqualTo("mars 2031");
        // 1 March 2031 is a Saturday: seven headings, five blank Monday-to-Friday cells, then day 1.
        Div grid = _get(Div.class, spec -> spec.withId("calendar-grid"));
        assertThat(grid.getChildren().skip(12).findFirst().orElseThrow().getId())
                .contains("day-2031-03-01");
        assertThat(grid.getChildren().filter(cell -> cell.getId().isPresent()).count())
                .isEqualTo(31);
    }

    @Test
    void aWeekShowsMondayToSundayWithItsFreezeAndSpeaksFrench() {
        signIn("cal-admin", Role.ADMIN);
        freeze = calendar.addFreeze(
                Instant.parse("2031-03-05T08:00:00Z"),
                Instant.parse("2031-03-05T18:00:00Z"),
                "Audit",
                List.of("cal.example.local"));
        signIn("cal-reader", Role.AUDITOR);
        chooseLanguage(Locale.FRENCH);

        // Any day names its week: Wednesday 5 March 2031 is in the week of Monday the 3rd.
        navigate("change-calendar", QueryParameters.of("week", "2031-03-05"));

        assertThat(_get(Span.class, spec -> spec.withId("calendar-week")).getText())
                .isEqualTo("Semaine du 3 mars 2031");
        Div grid = _get(Div.class, spec -> spec.withId("calendar-grid"));
        assertThat(grid.getChildren().map(cell -> cell.getId().orElse("")).filter(id -> !id.isEmpty()))
                .containsExactly(
                        "day-2031-03-03",
                        "day-2031-03-04",
                        "day-2031-03-05",
                        "day-2031-03-06",
                        "day-2031-03-07",
                        "day-2031-03-08",
                        "day-2031-03-09");
        assertThat(day("2031-03-05").getClassNames()).contains("frozen");
        assertThat(day("2031-03-05").getElement().getTextRecursively()).contains("Gel : Audit (cal.example.local)");
        assertThat(_get(Anchor.class, spec -> spec.withId("calendar-next")).getHref())
                .isEqualTo("change-calendar?week=2031-03-10");
        assertThat(_get(Anchor.class, spec -> spec.withId("calendar-by-month")).getHref())
                .isEqualTo("change-calendar?month=2031-03");
    }

    private static Div day(String date) {
        return _get(Div.class, spec -> spec.withId("day-" + date));
    }
}
