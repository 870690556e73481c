package org.pchatdr.portal.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.pchatdr.portal.testsupport.PortalHttp;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The portal's tab shows its own icon, on the sign-in page too (issue 12). */
@IntegrationTest
class FaviconIT {

    @LocalServerPort
    int port;

    @Test
    void theSignInPageLinksAnIconThatLoadsWithoutSigningIn() {
        PortalHttp http = new PortalHttp(port);

        HttpResponse<String> signIn = http.get("/login", null, null);
        assertThat(signIn.body()).containsPattern("<link[^>]*href=\"" + AppShell.FAVICON + "\"[^>]*rel=\"icon\"");

        HttpResponse<String> icon = http.get("/" + AppShell.FAVICON, null, null);
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("image/svg+xml"));
        assertThat(icon.body()).contains("<svg");
    }
}
