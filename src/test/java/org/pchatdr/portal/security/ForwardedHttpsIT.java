package org.pchatdr.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.pchatdr.portal.testsupport.PortalHttp;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Behind a TLS-terminating proxy (PORTAL_FORWARD_HEADERS=native), with PORTAL_SECURE_COOKIES left
 * unset: the session cookie is Secure and HSTS is sent exactly when the browser spoke HTTPS. Every
 * {@link IntegrationTest} runs behind such a proxy.
 */
@IntegrationTest
class ForwardedHttpsIT {

    @LocalServerPort
    int port;

    @Test
    void aRequestForwardedAsHttpsGetsASecureCookieAndHsts() {
        HttpResponse<String> response = new PortalHttp(port).get("/login", null, null, "X-Forwarded-Proto", "https");

        assertThat(response.headers().firstValue("Set-Cookie"))
                .hasValueSatisfying(
                        cookie -> assertThat(cookie).contains("Secure").contains("HttpOnly"));
        assertThat(response.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age="));
    }

    @Test
    void aPlainHttpRequestGetsNeitherSoThatALocalTrialStillWorks() {
        HttpResponse<String> response = new PortalHttp(port).get("/login", null, null);

        assertThat(response.headers().firstValue("Set-Cookie"))
                .hasValueSatisfying(cookie -> assertThat(cookie).doesNotContain("Secure"));
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }
}
