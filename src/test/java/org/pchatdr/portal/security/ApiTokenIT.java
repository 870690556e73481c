package org.pchatdr.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatdr.portal.testsupport.TestAccounts.signIn;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.audit.AuditEntry;
import org.pchatdr.portal.audit.AuditService;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.internal.ApiToken;
import org.pchatdr.portal.security.internal.ApiTokenRepository;
import org.pchatdr.portal.security.internal.ApiTokens;
import org.pchatdr.portal.security.internal.UserAccount;
import org.pchatdr.portal.security.internal.UserAccountRepository;
import org.pchatdr.portal.testsupport.AuditReads;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.pchatdr.portal.testsupport.PortalHttp;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 11: API tokens over real HTTP, from creation to the last call they allow. */
@IntegrationTest
class ApiTokenIT {

    @Autowired
    UserAccountService userAccounts;

    @Autowired
    Clock clock;

    private static final Pattern TOKEN = Pattern.compile("\"token\":\"(pcdr_[A-Za-z0-9_-]{43})\"");
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    @LocalServerPort
    int port;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    ApiTokenRepository tokens;

    @Autowired
    AuditService audit;

    PortalHttp http;
    String username;
    static int counter;

    @BeforeEach
    void freshAccount() {
        username = "tokens" + ++counter;
        new TestAccounts(userAccounts).ensure(username, Role.OPERATOR);
        http = new PortalHttp(port);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void aTokenIsShownOnceStoredHashedAndOpensTheApiAsItsOwner() {
        HttpResponse<String> created = create("ci-pipeline", clock.instant().plus(Duration.ofDays(30)));

        assertThat(created.statusCode()).isEqualTo(201);
        String token = match(TOKEN, created.body());
        long id = Long.parseLong(match(ID, created.body()));
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/me/tokens/" + id);

        HttpResponse<String> me = http.authorized("GET", "/api/v1/me", "Bearer " + token, null);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).isEqualTo("{\"username\":\"" + username + "\",\"roles\":[\"OPERATOR\"]}");

        HttpResponse<String> list = http.authorized("GET", "/api/v1/me/tokens", basic(), null);
        assertThat(list.body()).contains("\"name\":\"ci-pipeline\"").doesNotContain(token);
        assertThat(list.body()).as("the call above was recorded").contains("\"lastUsedAt\":\"");
        ApiToken stored = tokens.findById(id).orElseThrow();
        assertThat(tokens.findByTokenHash(ApiTokens.hash(token))).isPresent();
        assertThat(stored.getName()).isEqualTo("ci-pipeline");
        assertThat(actionsAbout(username)).contains("TOKEN_CREATED");
    }

    @Test
    void aRevokedTokenStopsAtOnceAndTheRevocationIsAudited() {
        HttpResponse<String> created = create("laptop", clock.instant().plus(Duration.ofDays(7)));
        String token = match(TOKEN, created.body());
        long id = Long.parseLong(match(ID, created.body()));

        HttpResponse<String> revoked = http.authorized("DELETE", "/api/v1/me/tokens/" + id, "Bearer " + token, null);

        assertThat(revoked.statusCode()).isEqualTo(204);
        HttpResponse<String> after = http.authorized("GET", "/api/v1/me", "Bearer " + token, null);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.body()).startsWith("{\"error\":\"invalid_token\"");
        assertThat(http.authorized("GET", "/api/v1/me/tokens", basic(), null).body())
                .doesNotContain("laptop");
        assertThat(actionsAbout(username)).contains("TOKEN_REVOKED");
    }

    @Test
    void nobodyRevokesSomeoneElsesToken() {
        long id = Long.parseLong(match(
                ID, create("mine", clock.instant().plus(Duration.ofDays(7))).body()));
        new TestAccounts(userAccounts).ensure("tokens-thief", Role.ADMIN);

        HttpResponse<String> attempt = http.authorized(
                "DELETE", "/api/v1/me/tokens/" + id, PortalHttp.basic("tokens-thief", TestAccounts.PASSWORD), null);

        assertThat(attempt.statusCode()).isEqualTo(404);
        assertThat(tokens.findById(id).orElseThrow().getRevokedAt()).isNull();
    }

    @Test
    void aTokenCarriesTheAccountsCurrentRolesAndStopsWhenTheAccountIsDisabled() {
        String token = match(
                TOKEN, create("roles", clock.instant().plus(Duration.ofDays(7))).body());
        UserAccount account = accounts.findByUsername(username).orElseThrow();

        account.setRoles(java.util.EnumSet.of(Role.AUDITOR));
        accounts.saveAndFlush(account);
        HttpResponse<String> afterRoleChange = http.authorized("GET", "/api/v1/me", "Bearer " + token, null);
        assertThat(afterRoleChange.body()).contains("\"roles\":[\"AUDITOR\"]");
        assertThat(http.authorized("POST", "/api/v1/audit/verification", "Bearer " + token, null)
                        .statusCode())
                .as("an auditor's right, read at the call")
                .isEqualTo(200);

        account = accounts.findByUsername(username).orElseThrow();
        account.setEnabled(false);
        accounts.saveAndFlush(account);
        assertThat(http.authorized("GET", "/api/v1/me", "Bearer " + token, null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aTokenWaitsLikeBasicWhileTheAccountMustChangeItsPassword() {
        String token = match(
                TOKEN, create("reset", clock.instant().plus(Duration.ofDays(7))).body());
        new TestAccounts(userAccounts).given(username, true, Role.OPERATOR);

        HttpResponse<String> response = http.authorized("GET", "/api/v1/me", "Bearer " + token, null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).startsWith("{\"error\":\"password_change_required\"");
    }

    @Test
    void anExpiredTokenIsRefused() {
        String secret = ApiTokens.generate();
        UserAccount account = accounts.findByUsername(username).orElseThrow();
        tokens.saveAndFlush(new ApiToken(
                account.getId(),
                "old",
                ApiTokens.hash(secret),
                clock.instant().minus(Duration.ofDays(2)),
                clock.instant().minusSeconds(1)));

        HttpResponse<String> response = http.authorized("GET", "/api/v1/me", "Bearer " + secret, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
    }

    @Test
    void anExpiryInThePastOrBeyondAYearIsRefusedInTheCallersLanguage() {
        HttpResponse<String> past = create("past", clock.instant().minus(Duration.ofMinutes(1)));
        HttpResponse<String> tooFar = http.authorized(
                "POST",
                "/api/v1/me/tokens",
                basic(),
                "{\"name\":\"far\",\"expiresAt\":\"" + clock.instant().plus(Duration.ofDays(366)) + "\"}",
                "Accept-Language",
                "fr");

        assertThat(past.statusCode()).isEqualTo(422);
        assertThat(past.body()).startsWith("{\"error\":\"token_expiry_past\"");
        assertThat(tooFar.statusCode()).isEqualTo(422);
        assertThat(tooFar.body())
                .startsWith("{\"error\":\"token_expiry_too_far\"")
                .contains("Un jeton vit au plus 365 jours");
        assertThat(tokens.findByUserIdAndRevokedAtIsNullOrderByCreatedAtDesc(
                        accounts.findByUsername(username).orElseThrow().getId()))
                .isEmpty();
    }

    @Test
    void aTokenCannotMintAnotherToken() {
        String token = match(
                TOKEN,
                create("minter", clock.instant().plus(Duration.ofDays(7))).body());

        HttpResponse<String> response = http.authorized(
                "POST",
                "/api/v1/me/tokens",
                "Bearer " + token,
                "{\"name\":\"child\",\"expiresAt\":\"" + clock.instant().plus(Duration.ofDays(300)) + "\"}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).startsWith("{\"error\":\"token_cannot_create_tokens\"");
    }

    private HttpResponse<String> create(String name, Instant expiresAt) {
        return http.authorized(
                "POST",
                "/api/v1/me/tokens",
                basic(),
                "{\"name\":\"" + name + "\",\"expiresAt\":\"" + expiresAt + "\"}");
    }

    private String basic() {
        return PortalHttp.basic(username, TestAccounts.PASSWORD);
    }

    private List<String> actionsAbout(String user) {
        signIn("tokens-reader", Role.AUDITOR);
        return AuditReads.byOrAbout(audit, user, null, 50).stream()
                .map(AuditEntry::action)
                .toList();
    }

    private static String match(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        assertThat(matcher.find()).as(body).isTrue();
        return matcher.group(1);
    }
}
