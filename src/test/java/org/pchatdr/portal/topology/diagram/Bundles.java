package org.pchatdr.portal.topology.diagram;

import java.util.Properties;
import java.util.function.Function;
import org.pchatdr.portal.testsupport.Translations;

/** The diagram's bundles read as the application reads them (UTF-8), for a map-lookup translator. */
final class Bundles {

    private Bundles() {}

    static Properties load(String language) {
        return Translations.bundle(
                "i18n/topology-diagram" + (language.isEmpty() ? "" : "_" + language) + ".properties");
    }

    static Function<String, String> english() {
        return load("")::getProperty;
    }

    static Function<String, String> french() {
        Properties french = load("fr");
        return french::getProperty;
    }
}
