package org.pchatdr.portal.security;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Once a client address has failed {@code maxFailures} authentications within {@code window}, the
 * API answers its credentials with 429 until the window ends (issue 11). {@code maxAddresses} bounds
 * the memory the counters may take.
 */
@Validated
@ConfigurationProperties("portal.auth-throttle")
public record AddressThrottleSettings(
        @DefaultValue("10") @Min(1) int maxFailures,
        @DefaultValue("5m") @NotNull Duration window,
        @DefaultValue("100000") @Min(1) int maxAddresses) {}
