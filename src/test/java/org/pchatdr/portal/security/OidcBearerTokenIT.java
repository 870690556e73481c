package org.pchatdr.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.internal.UserAccount;
import org.pchatdr.portal.security.internal.UserAccountRepository;
import org.pchatdr.portal.testsupport.PortalHttp;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.pchatdr.testidp.TestIdentityProvider;
import org.pchatdr.testidp.TestIdentityProvider.Script;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The REST API accepts the OpenID provider's bearer JWTs when OIDC is on (issue 15, decision 021),
 * checked against a real Spring Authorization Server ({@link TestIdentityProvider}): signature,
 * issuer, expiry and audience, then the same groups → roles mapping as the sign-in page. HTTP Basic
 * stays for local accounts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcBearerTokenIT {

    static final String MAPPING =
            "{\"PChat-DR-Operators\": [\"OPERATOR\"], \"PChat-DR-Approvers\": [\"APPROVER\", \"AUDITOR\"]}";

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry properties) {
        TestIdentityProvider provider = TestIdentityProvider.shared();
        properties.add("portal.oidc.issuer", provider::issuer);
        properties.add("portal.oidc.client-id", () -> TestIdentityProvider.CLIENT_ID);
        properties.add("portal.oidc.client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
        properties.add("portal.ldap.group-roles", () -> MAPPING);
    }

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService userAccounts;

    @Autowired
    UserAccountRepository accounts;

    private final TestIdentityProvider provider = TestIdentityProvider.shared();

    @Test
    void aValidTokenFromTheProviderGivesTheRolesItsGroupsClaimIsMappedTo() {
        String token =
                provider.accessToken(new Script("paula", List.of("pchat-dr-operators", "Everyone"), null, false));

        HttpResponse<String> me = bearer("/api/v1/me", token);

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"paula\"").contains("\"roles\":[\"OPERATOR\"]");
        UserAccount paula = accounts.findByUsername("paula").orElseThrow();
        assertThat(paula.getSource()).isEqualTo(AccountSource.OIDC);
        assertThat(paula.getPasswordHash()).isEmpty();
        assertThat(paula.getDirectoryGroups()).containsExactly("PChat-DR-Operators");
    }

    @Test
    void aTokenSignedByTheProviderButNamingAnotherIssuerIsRefused() {
        String token = provider.accessToken(
                new Script("quentin", List.of("PChat-DR-Operators"), "http://localhost:1/elsewhere", false));

        HttpResponse<String> me = bearer("/api/v1/me", token);

        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(accounts.findByUsername("quentin"))
                .as("no account for an unchecked token")
                .isEmpty();
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = provider.accessToken(new Script("rita", List.of("PChat-DR-Operators"), null, true));

        assertThat(bearer("/api/v1/me", token).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenWhoseGroupsAreMappedToNoRoleIsForbiddenWithItsReason() {
        String token = provider.accessToken(new Script("sam", List.of("Everyone"), null, false));

        HttpResponse<String> me = bearer("/api/v1/me", token);

        assertThat(me.statusCode()).isEqualTo(403);
        assertThat(me.body()).contains("oidc_no_role");
    }

    @Test
    void aTokenNamingALocalAccountDoesNotTakeItOverAndBasicStillWorksForThatAccount() {
        new TestAccounts(userAccounts).ensure("tina", Role.ADMIN);
        String token = provider.accessToken(new Script("tina", List.of("PChat-DR-Approvers"), null, false));

        HttpResponse<String> asProvider = bearer("/api/v1/me", token);
        HttpResponse<String> withBasic = new PortalHttp(port).get("/api/v1/me", "tina", TestAccounts.PASSWORD);

        assertThat(asProvider.statusCode()).isEqualTo(403);
        assertThat(asProvider.body()).contains("oidc_name_taken");
        assertThat(withBasic.statusCode()).isEqualTo(200);
        assertThat(withBasic.body()).contains("\"roles\":[\"ADMIN\"]");
        assertThat(accounts.findByUsername("tina").orElseThrow().getSource()).isEqualTo(AccountSource.LOCAL);
    }

    @Test
    void aGarbledJwtIsRefusedWithoutReachingTheAccounts() {
        assertThat(bearer("/api/v1/me", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")
                        .statusCode())
                .isEqualTo(401);
    }

    private HttpResponse<String> bearer(String path, String token) {
        return new PortalHttp(port).authorized("GET", path, "Bearer " + token, null);
    }
}
