package org.pchatdr.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatdr.portal.testsupport.TestAccounts.signIn;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.audit.AuditEntry;
import org.pchatdr.portal.audit.AuditService;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.internal.AddressThrottle;
import org.pchatdr.portal.testsupport.AuditReads;
import org.pchatdr.portal.testsupport.MutableClock;
import org.pchatdr.portal.testsupport.MutableClockConfiguration;
import org.pchatdr.portal.testsupport.PortalHttp;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Issue 11: failed authentications limited per client address, over real HTTP. Every request
 * comes from 127.0.0.1; the client addresses are told by {@code X-Forwarded-For}, as a load
 * balancer would with {@code PORTAL_FORWARD_HEADERS=native} (only a header: nothing is sent there).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.forward-headers-strategy=native",
            "portal.auth-throttle.max-failures=5",
            "portal.auth-throttle.window=1m"
        })
@Import(MutableClockConfiguration.class)
class AddressThrottleIT {

    private static final Pattern TOKEN = Pattern.compile("\"token\":\"(pcdr_[A-Za-z0-9_-]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService userAccounts;

    @Autowired
    AuditService audit;

    @Autowired
    AddressThrottle throttle;

    @Autowired
    MutableClock clock;

    PortalHttp http;
    String username;
    String address;
    static int counter;

    @BeforeEach
    void freshAccountAndAddress() {
        counter++;
        username = "throttled" + counter;
        address = "198.51.100." + counter;
        new TestAccounts(userAccounts).ensure(username, Role.OPERATOR);
        http = new PortalHttp(port);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void pastTheLimitAnAddressGets429WithRetryAfterWhileOthersAndValidTokensPass() {
        String token = token();
        for (int i = 0; i < 5; i++) {
            assertThat(me(PortalHttp.basic("nobody" + i, "wrong-password-" + i), address)
                            .statusCode())
                    .isEqualTo(401);
        }

        HttpResponse<String> refused = me(PortalHttp.basic("nobody-else", "wrong-password"), address);
        HttpResponse<String> rightPasswordRefusedToo = me(PortalHttp.basic(username, TestAccounts.PASSWORD), address);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).startsWith("{\"error\":\"too_many_failures\"");
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(refused.headers().firstValue("Retry-After")).contains("60");
        assertThat(rightPasswordRefusedToo.statusCode())
                .as("no password is examined from that address any more")
                .isEqualTo(429);
        assertThat(me("Bearer pcdr_guessed-token-value", address).statusCode()).isEqualTo(429);
        assertThat(me("Bearer " + token, address).statusCode())
                .as("a valid token is not throttled")
                .isEqualTo(200);
        assertThat(me(PortalHttp.basic(username, TestAccounts.PASSWORD), "198.51.100.250")
                        .statusCode())
                .as("another address")
                .isEqualTo(200);
    }

    @Test
    void whenTheWindowEndsTheAddressMayTryAgain() {
        for (int i = 0; i < 5; i++) {
            me(PortalHttp.basic("nobody" + i, "wrong-password-" + i), address);
        }
        clock.advance(Duration.ofSeconds(20));
        assertThat(me(PortalHttp.basic(username, TestAccounts.PASSWORD), address)
                        .headers()
                        .firstValue("Retry-After"))
                .contains("40");

        clock.advance(Duration.ofSeconds(40));

        assertThat(me(PortalHttp.basic(username, TestAccounts.PASSWORD), address)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void failuresForUnknownUsersAreAuditedOncePerAddressAndWindowWithTheirCount() {
        throttle.sweep();
        // Five failures in all: the limit, so that none of them is refused with 429.
        for (int i = 0; i < 3; i++) {
            me(PortalHttp.basic("ghost-" + counter + "-" + i, "wrong-password"), address);
        }
        me("Bearer pcdr_not-a-token", address);
        me(PortalHttp.basic(username, "wrong-password"), address);

        assertThat(records(null, "SIGN_IN_FAILED").stream().map(AuditEntry::target))
                .as("each failure for an existing account is still recorded, unknown names are not")
                .contains(username)
                .noneMatch(target -> target != null && target.startsWith("ghost-" + counter));
        assertThat(unknownUserRecordsFrom(address))
                .as("not before the window ends")
                .isEmpty();

        clock.advance(Duration.ofMinutes(1));
        throttle.sweep();
        throttle.sweep();

        List<AuditEntry> aggregated = unknownUserRecordsFrom(address);
        assertThat(aggregated).hasSize(1);
        assertThat(aggregated.get(0).details())
                .startsWith("4 failed authentications for unknown users or tokens from " + address)
                .contains("first name tried: ghost-" + counter + "-0");
    }

    private List<AuditEntry> unknownUserRecordsFrom(String from) {
        return records(null, "SIGN_IN_FAILED_UNKNOWN_USERS").stream()
                .filter(entry -> entry.details().contains(" from " + from + " "))
                .toList();
    }

    private List<AuditEntry> records(String user, String action) {
        signIn("throttle-reader", Role.AUDITOR);
        try {
            return AuditReads.byOrAbout(audit, user, action, 200);
        } finally {
            TestAccounts.signOut();
        }
    }

    private HttpResponse<String> me(String authorization, String from) {
        return http.authorized("GET", "/api/v1/me", authorization, null, "X-Forwarded-For", from);
    }

    private String token() {
        HttpResponse<String> created = http.authorized(
                "POST",
                "/api/v1/me/tokens",
                PortalHttp.basic(username, TestAccounts.PASSWORD),
                "{\"name\":\"ci\",\"expiresAt\":\"" + clock.instant().plus(Duration.ofDays(7)) + "\"}");
        Matcher matcher = TOKEN.matcher(created.body());
        assertThat(matcher.find()).as(created.body()).isTrue();
        return matcher.group(1);
    }
}
