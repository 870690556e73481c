package org.pchatdr.portal.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The translation bundles read as the portal reads them: from the class path, in UTF-8. The one
 * loader of the tests that check texts without a Spring context (issue 17).
 */
public final class Translations {

    private Translations() {}

    /** The bundle at {@code resource} (e.g. {@code i18n/run_fr.properties}); missing is a failure. */
    public static Properties bundle(String resource) {
        Properties properties = new Properties();
        try (InputStream in = Translations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("No bundle " + resource + " on the class path");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
