package org.pchatdr.portal.change.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Optional;
import org.pchatdr.portal.base.ui.QueryValues;
import org.pchatdr.portal.change.ChangeCalendar.Freeze;
import org.pchatdr.portal.change.ChangeCalendar.MaintenanceWindow;
import org.pchatdr.portal.change.ChangeCalendarService;

/**
 * Maintenance windows and freezes on a month or a week grid, drawn on the server (issue 13): a
 * day shows every window and freeze that touches it, in UTC like the rest of the portal's times.
 * The month or week is in the address ({@code ?month=2026-12}, {@code ?week=2026-12-07}, any day
 * of the week) so it can be shared.
 */
@Route("change-calendar")
@PermitAll
class ChangeCalendarView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ChangeCalendarService calendar;
    private final Clock clock;

    ChangeCalendarView(ChangeCalendarService calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters address = event.getLocation().getQueryParameters();
        Optional<LocalDate> week =
                QueryValues.value(address, "week", LocalDate::parse).map(day -> day.with(DayOfWeek.MONDAY));
        removeAll();
        add(new H2(getTranslation("calendar.title")));
        if (week.isPresent()) {
            showWeek(week.get());
        } else {
            showMonth(QueryValues.value(address, "month", YearMonth::parse)
                    .orElseGet(() -> YearMonth.now(clock.withZone(ZoneOffset.UTC))));
        }
    }

    private void showMonth(YearMonth month) {
        Span shown = new Span(
                month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, getLocale()) + " " + month.getYear());
        shown.setId("calendar-month");
        List<LocalDate> days =
                month.atDay(1).datesUntil(month.plusMonths(1).atDay(1)).toList();
        // Weeks start on Monday (ISO): blank cells before the first day.
        add(
                new HorizontalLayout(
                        link("calendar-previous", "month=" + month.minusMonths(1), "calendar.previous"),
                        shown,
                        link("calendar-next", "month=" + month.plusMonths(1), "calendar.next"),
                        link("calendar-by-week", "week=" + month.atDay(1).with(DayOfWeek.MONDAY), "calendar.by-week")),
                grid(days, month.atDay(1).getDayOfWeek().getValue() - 1));
    }

    /** One week, Monday to Sunday, for the days around a change's window. */
    private void showWeek(LocalDate monday) {
        Span shown = new Span(getTranslation(
                "calendar.week",
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(getLocale())
                        .format(monday)));
        shown.setId("calendar-week");
        add(
                new HorizontalLayout(
                        link("calendar-previous", "week=" + monday.minusWeeks(1), "calendar.previous-week"),
                        shown,
                        link("calendar-next", "week=" + monday.plusWeeks(1), "calendar.next-week"),
                        link("calendar-by-month", "month=" + YearMonth.from(monday), "calendar.by-month")),
                grid(monday.datesUntil(monday.plusWeeks(1)).toList(), 0));
    }

    /** A link to the calendar showing {@code query} (another month or week), labelled {@code labelKey}. */
    private Anchor link(String id, String query, String labelKey) {
        Anchor link = new Anchor("change-calendar?" + query, getTranslation(labelKey));
        link.setId(id);
        return link;
    }

    private Div grid(List<LocalDate> days, int blanks) {
        List<MaintenanceWindow> windows = calendar.windows();
        List<Freeze> freezes = calendar.freezes();
        Div grid = new Div();
        grid.setId("calendar-grid");
        grid.getElement().setAttribute("role", "table");
        grid.getStyle()
                .set("display", "grid")
                .set("grid-template-columns", "repeat(7, minmax(0, 1fr))")
                .set("gap", "2px")
                .set("width", "100%");
        for (DayOfWeek day : DayOfWeek.values()) {
            Div heading = new Div(day.getDisplayName(TextStyle.SHORT_STANDALONE, getLocale()));
            heading.getElement().setAttribute("role", "columnheader");
            heading.getStyle().set("font-weight", "bold");
            grid.add(heading);
        }
        for (int blank = 0; blank < blanks; blank++) {
            grid.add(new Div());
        }
        days.forEach(date -> grid.add(day(date, windows, freezes)));
        return grid;
    }

    private Div day(LocalDate date, List<MaintenanceWindow> windows, List<Freeze> freezes) {
        Instant from = date.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Div cell = new Div(new Div(Integer.toString(date.getDayOfMonth())));
        cell.setId("day-" + date);
        cell.getElement().setAttribute("role", "cell");
        cell.getStyle()
                .set("min-height", "4em")
                .set("padding", "2px")
                .set("border", "1px solid var(--lumo-contrast-10pct)");
        boolean frozen = false;
        boolean open = false;
        for (Freeze freeze : freezes) {
            if (freeze.overlaps(from, to)) {
                frozen = true;
                cell.add(entry(
                        "calendar-freeze",
                        getTranslation(
                                "calendar.freeze",
                                freeze.reason(),
                                freeze.pools().isEmpty()
                                        ? getTranslation("calendar.all-pools")
                                        : String.join(", ", freeze.pools()))));
            }
        }
        for (MaintenanceWindow window : windows) {
            if (window.start().isBefore(to) && window.end().isAfter(from)) {
                open = true;
                cell.add(entry(
                        "calendar-window",
                        getTranslation(
                                "calendar.window", window.pool(), window.reason() == null ? "" : window.reason())));
            }
        }
        // Deny beats allow (C-7): a frozen day is drawn as frozen even with a window in it.
        if (frozen) {
            cell.addClassName("frozen");
            cell.getStyle().set("background", "var(--lumo-error-color-10pct)");
        } else if (open) {
            cell.addClassName("window");
            cell.getStyle().set("background", "var(--lumo-success-color-10pct)");
        }
        return cell;
    }

    private static Span entry(String className, String text) {
        Span entry = new Span(text);
        entry.addClassName(className);
        entry.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)");
        return entry;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("calendar.title");
    }
}
