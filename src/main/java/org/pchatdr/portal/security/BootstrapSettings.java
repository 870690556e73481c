package org.pchatdr.portal.security;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The first start on an empty database: {@code adminPassword} ({@code PORTAL_ADMIN_PASSWORD}) or a
 * random password written to {@code <dataDir>/initial-admin-password}.
 */
@Validated
@ConfigurationProperties("portal")
public record BootstrapSettings(
        @DefaultValue("./data") @NotNull Path dataDir, String adminPassword) {

    public Path initialPasswordFile() {
        return dataDir.resolve("initial-admin-password");
    }
}
