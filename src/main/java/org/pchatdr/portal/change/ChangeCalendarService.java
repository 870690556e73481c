package org.pchatdr.portal.change;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pchatdr.portal.base.AuditMessage;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;
import org.pchatdr.portal.base.TypedText;
import org.pchatdr.portal.change.ChangeCalendar.Freeze;
import org.pchatdr.portal.change.ChangeCalendar.MaintenanceWindow;
import org.pchatdr.portal.change.internal.CalendarPeriod;
import org.pchatdr.portal.change.internal.FreezeEntity;
import org.pchatdr.portal.change.internal.FreezeRepository;
import org.pchatdr.portal.change.internal.WindowEntity;
import org.pchatdr.portal.change.internal.WindowRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Maintenance windows and freezes: ADMIN keeps them, every change is audited, everyone signed in
 * reads them. Deny beats allow: a freeze refuses a time a window allows (C-6, C-7).
 */
@Service
@Transactional
@PreAuthorize("hasRole('ADMIN')")
public class ChangeCalendarService {

    static final int MAX_REASON = 1000;

    private final WindowRepository windows;
    private final FreezeRepository freezes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ChangeCalendarService(
            WindowRepository windows, FreezeRepository freezes, ApplicationEventPublisher events, Clock clock) {
        this.windows = windows;
        this.freezes = freezes;
        this.events = events;
        this.clock = clock;
    }

    public MaintenanceWindow addWindow(String pool, Instant start, Instant end, String reason) {
        if (pool == null || pool.isBlank() || pool.length() > 255) {
            throw new PortalException(Kind.INVALID, "change_pool_required");
        }
        checkRange(start, end);
        String actor = CurrentUser.actor();
        WindowEntity saved = windows.saveAndFlush(new WindowEntity(
                pool.strip(), start, end, TypedText.optional(reason, MAX_REASON), actor, clock.instant()));
        events.publishEvent(ChangeEvent.ofControl(
                actor,
                ChangeEvent.Action.CHANGE_WINDOW_ADDED,
                AuditMessage.of(
                        "audit.details.change.window",
                        saved.getId(),
                        saved.getPool(),
                        String.valueOf(start),
                        String.valueOf(end))));
        return window(saved);
    }

    public void removeWindow(long id) {
        WindowEntity window = removed(windows, id, "change_window_not_found");
        events.publishEvent(ChangeEvent.ofControl(
                CurrentUser.actor(),
                ChangeEvent.Action.CHANGE_WINDOW_REMOVED,
                AuditMessage.of(
                        "audit.details.change.window",
                        id,
                        window.getPool(),
                        String.valueOf(window.getStart()),
                        String.valueOf(window.getEnd()))));
    }

    public Freeze addFreeze(Instant start, Instant end, String reason, List<String> pools) {
        checkRange(start, end);
        String why = TypedText.required(reason, MAX_REASON, "change_freeze_reason_required");
        List<String> named = pools == null
                ? List.of()
                : pools.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
        String actor = CurrentUser.actor();
        FreezeEntity saved = freezes.saveAndFlush(new FreezeEntity(start, end, why, named, actor, clock.instant()));
        events.publishEvent(ChangeEvent.ofControl(
                actor,
                ChangeEvent.Action.CHANGE_FREEZE_ADDED,
                AuditMessage.of(
                        "audit.details.CHANGE_FREEZE_ADDED",
                        saved.getId(),
                        String.valueOf(start),
                        String.valueOf(end),
                        named.isEmpty() ? AuditMessage.of("audit.details.change.all-pools") : String.join(", ", named),
                        why)));
        return freeze(saved);
    }

    public void removeFreeze(long id) {
        FreezeEntity freeze = removed(freezes, id, "change_freeze_not_found");
        events.publishEvent(ChangeEvent.ofControl(
                CurrentUser.actor(),
                ChangeEvent.Action.CHANGE_FREEZE_REMOVED,
                AuditMessage.of(
                        "audit.details.CHANGE_FREEZE_REMOVED",
                        id,
                        String.valueOf(freeze.getStart()),
                        String.valueOf(freeze.getEnd()),
                        String.valueOf(freeze.getReason()))));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<MaintenanceWindow> windows() {
        return windows.findAllByOrderByStartAsc().stream()
                .map(ChangeCalendarService::window)
                .toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<Freeze> freezes() {
        return freezes.findAllByOrderByStartAsc().stream()
                .map(ChangeCalendarService::freeze)
                .toList();
    }

    /**
     * Why a change of {@code pools} may not be planned from {@code start} to {@code end}: a pool
     * with maintenance windows needs one that holds the whole time (a pool without any accepts any
     * time), and no freeze of the pools may overlap it; deny beats allow.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Optional<PortalException> planRefusal(List<String> pools, Instant start, Instant end) {
        return planRefusal(pools, start, end, true);
    }

    /**
     * As {@link #planRefusal(List, Instant, Instant)}, without the freezes when {@code freezes} is
     * false: an emergency may be planned into a freeze, and starts there only once a second approver
     * overrode it (C-12).
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Optional<PortalException> planRefusal(List<String> pools, Instant start, Instant end, boolean freezes) {
        for (Freeze freeze : freezes ? freezes() : List.<Freeze>of()) {
            if (freeze.overlaps(start, end) && pools.stream().anyMatch(freeze::covers)) {
                return Optional.of(new PortalException(
                        Kind.CONFLICT,
                        "change_window_in_freeze",
                        freeze.reason(),
                        freeze.start().toString(),
                        freeze.end().toString()));
            }
        }
        List<MaintenanceWindow> all = windows();
        for (String pool : pools) {
            List<MaintenanceWindow> ofPool = all.stream()
                    .filter(window -> window.pool().equalsIgnoreCase(pool))
                    .toList();
            boolean inside = ofPool.isEmpty()
                    || ofPool.stream()
                            .anyMatch(window -> !start.isBefore(window.start()) && !end.isAfter(window.end()));
            if (!inside) {
                return Optional.of(new PortalException(Kind.CONFLICT, "change_window_outside_maintenance", pool));
            }
        }
        return Optional.empty();
    }

    /** The reasons of the freezes of {@code pools} in force at {@code now}. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<String> freezesAt(List<String> pools, Instant now) {
        return freezes().stream()
                .filter(freeze -> !now.isBefore(freeze.start()) && now.isBefore(freeze.end()))
                .filter(freeze -> pools.stream().anyMatch(freeze::covers))
                .map(Freeze::reason)
                .toList();
    }

    /** The reasons of the freezes of {@code pools} that overlap {@code start} … {@code end}. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<String> freezesOverlapping(List<String> pools, Instant start, Instant end) {
        return freezes().stream()
                .filter(freeze -> freeze.overlaps(start, end))
                .filter(freeze -> pools.stream().anyMatch(freeze::covers))
                .map(Freeze::reason)
                .toList();
    }

    /** Deletes period {@code id} of {@code repository}, refused as {@code notFound} when there is none. */
    private static <E extends CalendarPeriod> E removed(JpaRepository<E, Long> repository, long id, String notFound) {
        E period = repository.findById(id).orElseThrow(() -> new PortalException(Kind.NOT_FOUND, notFound, id));
        repository.delete(period);
        return period;
    }

    private static void checkRange(Instant start, Instant end) {
        if (start == null || end == null || !start.isBefore(end)) {
            throw new PortalException(Kind.INVALID, "change_range_invalid");
        }
    }

    private static MaintenanceWindow window(WindowEntity entity) {
        return new MaintenanceWindow(
                entity.getId(),
                entity.getPool(),
                entity.getStart(),
                entity.getEnd(),
                entity.getReason(),
                entity.getCreated().by());
    }

    private static Freeze freeze(FreezeEntity entity) {
        return new Freeze(
                entity.getId(),
                entity.getStart(),
                entity.getEnd(),
                entity.getReason(),
                entity.pools(),
                entity.getCreated().by());
    }
}
