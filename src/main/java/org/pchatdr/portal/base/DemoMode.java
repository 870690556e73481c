package org.pchatdr.portal.base;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/** Whether the portal runs with the {@code demo} profile: well-known users and a banner. */
@Component
public class DemoMode {

    public static final String PROFILE = "demo";

    private final boolean active;

    DemoMode(Environment environment) {
        this.active = environment.acceptsProfiles(Profiles.of(PROFILE));
    }

    public boolean isActive() {
        return active;
    }
}
