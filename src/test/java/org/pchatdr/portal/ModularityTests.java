package org.pchatdr.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(PortalApplication.class);

    @Test
    void featuresDependOnlyOnWhatTheirModuleDeclares() {
        modules.verify();
    }

    /**
     * Issue 17: these features' pages are modules nested in the feature, so the verification above
     * holds them to the feature's API and the shared UI. Not security's (its filter chain names the
     * login page), procedure's (run's pages show its step cards) nor base's (the shared UI itself).
     */
    @Test
    void pagesAreModulesNestedInTheirFeature() {
        for (String feature : List.of("approval", "audit", "backup", "run", "topology")) {
            assertThat(modules.getModuleByName(feature + ".ui"))
                    .as(feature + " pages")
                    .hasValueSatisfying(
                            pages -> assertThat(pages.getBasePackage().getName())
                                    .isEqualTo("org.pchatdr.portal." + feature + ".ui"));
        }
    }
}
