package org.pchatdr.portal.security;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Brute-force protection: {@code maxFailures} wrong passwords within {@code window} lock the
 * account for {@code duration}, whichever channel (UI or API) they came through.
 */
@Validated
@ConfigurationProperties("portal.lockout")
public record LockoutSettings(
        @DefaultValue("5") @Min(1) int maxFailures,
        @DefaultValue("15m") @NotNull Duration window,
        @DefaultValue("15m") @NotNull Duration duration) {}
