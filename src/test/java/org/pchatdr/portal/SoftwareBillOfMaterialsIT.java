package org.pchatdr.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 16: {@code package} writes the CycloneDX SBOM beside the jar, in JSON and XML, and it lists
 * what the portal is built on. Failsafe runs this after {@code package}. CycloneDX needs an online
 * build (it skips itself under {@code mvn -o}); offline, this test is skipped with that reason.
 */
class SoftwareBillOfMaterialsIT {

    @ParameterizedTest
    @ValueSource(strings = {"target/bom.json", "target/bom.xml"})
    void theSbomListsSpringVaadinAndH2WithTheirVersions(String file) throws IOException {
        assumeFalse(
                "offline=true".equals(System.getProperty("portal.build.offline")),
                "CycloneDX writes no SBOM in an offline build (mvn -o)");
        String bom = Files.readString(Path.of(file), StandardCharsets.UTF_8);

        assertThat(bom)
                .contains("CycloneDX")
                .contains("pkg:maven/org.springframework/spring-core@")
                .contains("pkg:maven/com.vaadin/flow-server@")
                .contains("pkg:maven/com.h2database/h2@")
                .contains("pkg:maven/org.pchatdr/pchat-dr-portal@0.1.0-SNAPSHOT");
    }

    @Test
    void theJarCarriesItsOwnSbomToo() throws IOException {
        assumeFalse(
                "offline=true".equals(System.getProperty("portal.build.offline")),
                "CycloneDX writes no SBOM in an offline build (mvn -o)");
        String resource = "META-INF/sbom/application.cdx.json";
        try (var in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("pkg:maven/org.springframework/spring-core@");
        }
    }
}
