package org.pchatdr.portal.security;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** API tokens live at most {@code maxLifetime}; an account holds at most {@code maxPerAccount} usable ones. */
@Validated
@ConfigurationProperties("portal.tokens")
public record ApiTokenSettings(
        @DefaultValue("365d") @NotNull Duration maxLifetime,
        @DefaultValue("20") @Min(1) int maxPerAccount) {}
