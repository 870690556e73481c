package org.pchatdr.portal.topology.diagram;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.function.Function;

/** The diagram's bundles read as the application reads them (UTF-8), for a map-lookup translator. */
final class Bundles {

    private Bundles() {}

    static Properties load(String language) {
        String resource = "i18n/topology-diagram" + (language.isEmpty() ? "" : "_" + language) + ".properties";
        Properties properties = new Properties();
        try (InputStream in = Bundles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("missing " + resource);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(resource, e);
        }
        return properties;
    }

    static Function<String, String> english() {
        return load("")::getProperty;
    }

    static Function<String, String> french() {
        Properties french = load("fr");
        return french::getProperty;
    }
}
