package org.pchatdr.portal;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(PortalApplication.class);

    @Test
    void featuresDependOnlyOnWhatTheirModuleDeclares() {
        modules.verify();
    }
}
