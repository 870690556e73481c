package org.pchatdr.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pchatdr.portal.PortalApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Starts that cannot succeed stop with a message that says what to fix. */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureIT {

    @Test
    void weakAdminPasswordFromTheEnvironmentStopsTheStart() {
        assertThatThrownBy(() -> start("--portal.admin-password=admin12345678"))
                .hasStackTraceContaining("PORTAL_ADMIN_PASSWORD does not meet the password policy");
    }

    /** Issue 11: the bootstrap password goes through the same policy, common passwords included. */
    @Test
    void commonAdminPasswordFromTheEnvironmentStopsTheStart() {
        assertThatThrownBy(() -> start("--portal.admin-password=qwerty123456"))
                .hasStackTraceContaining("PORTAL_ADMIN_PASSWORD does not meet the password policy")
                .hasStackTraceContaining("password_common");
    }

    @Test
    void unreachableDatabaseIsExplainedWithoutAStackTraceToDigThrough(CapturedOutput output) {
        assertThatThrownBy(() -> start("--spring.datasource.url=jdbc:h2:tcp://127.0.0.1:1/nowhere;password=S3cret"));

        assertThat(output.getOut() + output.getErr())
                .contains("The portal cannot use its database jdbc:h2:tcp://127.0.0.1:1/nowhere")
                .contains("Check PORTAL_DB_URL, PORTAL_DB_USER and PORTAL_DB_PASSWORD")
                .doesNotContain("S3cret");
    }

    /** Command-line arguments, as operators pass them: they win over every properties file. */
    private static void start(String argument) {
        new SpringApplicationBuilder(PortalApplication.class)
                .run("--server.port=0", argument)
                .close();
    }
}
