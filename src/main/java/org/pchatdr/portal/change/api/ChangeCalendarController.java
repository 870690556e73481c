package org.pchatdr.portal.change.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.pchatdr.portal.change.ChangeCalendar.Freeze;
import org.pchatdr.portal.change.ChangeCalendar.MaintenanceWindow;
import org.pchatdr.portal.change.ChangeCalendarService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Maintenance windows and freezes over HTTP: ADMIN writes, everyone signed in reads. */
@RestController
record ChangeCalendarController(ChangeCalendarService calendar) {

    record WindowJson(String pool, Instant start, Instant end, String reason) {}

    /** A freeze; no pools means every pool. */
    record FreezeJson(Instant start, Instant end, String reason, List<String> pools) {}

    @GetMapping("/api/v1/change-windows")
    List<MaintenanceWindow> windows() {
        return calendar.windows();
    }

    @PostMapping("/api/v1/change-windows")
    ResponseEntity<MaintenanceWindow> addWindow(@RequestBody WindowJson body) {
        MaintenanceWindow window = calendar.addWindow(body.pool(), body.start(), body.end(), body.reason());
        return ResponseEntity.created(URI.create("/api/v1/change-windows/" + window.id()))
                .body(window);
    }

    @DeleteMapping("/api/v1/change-windows/{id}")
    ResponseEntity<Void> removeWindow(@PathVariable long id) {
        calendar.removeWindow(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/change-freezes")
    List<Freeze> freezes() {
        return calendar.freezes();
    }

    @PostMapping("/api/v1/change-freezes")
    ResponseEntity<Freeze> addFreeze(@RequestBody FreezeJson body) {
        Freeze freeze = calendar.addFreeze(body.start(), body.end(), body.reason(), body.pools());
        return ResponseEntity.created(URI.create("/api/v1/change-freezes/" + freeze.id()))
                .body(freeze);
    }

    @DeleteMapping("/api/v1/change-freezes/{id}")
    ResponseEntity<Void> removeFreeze(@PathVariable long id) {
        calendar.removeFreeze(id);
        return ResponseEntity.noContent().build();
    }
}
