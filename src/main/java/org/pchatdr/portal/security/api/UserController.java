package org.pchatdr.portal.security.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.base.api.ApiPages;
import org.pchatdr.portal.security.AccountSource;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.security.UserSummary;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * User administration over REST (issue 15). The rules — ADMIN only, the last administrator, the
 * password policy, directory accounts — and the audit events are those of the Users page: both call
 * {@link UserAccountService}.
 */
@RestController
@RequestMapping("/api/v1/users")
record UserController(UserAccountService users) {

    private static final int MAX_PAGE = 500;

    record UserJson(
            String username,
            AccountSource source,
            Set<Role> roles,
            boolean enabled,
            Instant lockedUntil,
            boolean mustChangePassword,
            Instant createdAt,
            Instant lastSignInAt,
            List<String> directoryGroups,
            long version) {

        static UserJson of(UserSummary user) {
            return new UserJson(
                    user.username(),
                    user.source(),
                    user.roles(),
                    user.enabled(),
                    user.lockedUntil(),
                    user.mustChangePassword(),
                    user.createdAt(),
                    user.lastSignInAt(),
                    user.directoryGroups(),
                    user.version());
        }
    }

    record CreateJson(String username, Set<Role> roles, String temporaryPassword) {}

    /** Absent fields stay as they are; {@code version}, when given, refuses a stale change (409). */
    record UpdateJson(Set<Role> roles, Boolean enabled, Long version) {}

    record ResetJson(String temporaryPassword) {}

    @GetMapping
    List<UserJson> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return users.findUsers(ApiPages.of(page, size, MAX_PAGE)).stream()
                .map(UserJson::of)
                .toList();
    }

    @PostMapping
    ResponseEntity<UserJson> create(@RequestBody CreateJson body) {
        UserSummary created = users.createUser(body.username(), body.roles(), body.temporaryPassword());
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.username()))
                .body(UserJson.of(created));
    }

    @GetMapping("/{name}")
    UserJson get(@PathVariable String name) {
        return UserJson.of(users.findUser(name));
    }

    @PutMapping("/{name}")
    UserJson update(@PathVariable String name, @RequestBody UpdateJson body) {
        UserSummary user = users.findUser(name);
        long version = body.version() != null ? body.version() : user.version();
        if (body.roles() != null && !body.roles().equals(user.roles())) {
            user = users.changeRoles(user.id(), version, body.roles());
            version = user.version();
        }
        if (body.enabled() != null && body.enabled() != user.enabled()) {
            user = users.setEnabled(user.id(), version, body.enabled());
        }
        return UserJson.of(user);
    }

    @PostMapping("/{name}/unlock")
    UserJson unlock(@PathVariable String name) {
        UserSummary user = users.findUser(name);
        return UserJson.of(users.unlock(user.id(), user.version()));
    }

    @PostMapping("/{name}/reset-password")
    UserJson resetPassword(@PathVariable String name, @RequestBody ResetJson body) {
        UserSummary user = users.findUser(name);
        return UserJson.of(users.resetPassword(user.id(), user.version(), body.temporaryPassword()));
    }
}
