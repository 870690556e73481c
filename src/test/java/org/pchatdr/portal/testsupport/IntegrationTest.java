package org.pchatdr.portal.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * The one Spring configuration of the portal's tests (issue 17): the portal on a random port, the
 * {@link MutableClock} instead of the system clock, forwarded headers trusted (as behind the load
 * balancer), the scrape token set and bcrypt at its lowest cost for the tests' accounts
 * ({@link QuickPasswordHashing}). Spring caches an application context by its configuration,
 * so every class with exactly this annotation runs on the same context, booted once per test JVM.
 * Tests leave shared state as they found it (or use names of their own) instead of asking for a
 * fresh context. A class that needs another configuration (its own database, a directory, an
 * identity provider) declares {@code @SpringBootTest} itself and says why.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"server.forward-headers-strategy=native", "portal.metrics.token=" + IntegrationTest.METRICS_TOKEN
        })
@Import({MutableClockConfiguration.class, QuickPasswordHashing.class})
public @interface IntegrationTest {

    /** The bearer token {@code /actuator/prometheus} accepts in tests (issue 16). */
    String METRICS_TOKEN = "scrape-token-for-the-metrics-test";

    /**
     * {@code RANDOM_PORT} for the integration tests; the Karibu tests (the other test JVM) run on
     * {@code MOCK}, the servlet environment of Karibu's browserless UI.
     */
    @AliasFor(annotation = SpringBootTest.class, attribute = "webEnvironment")
    WebEnvironment webEnvironment() default WebEnvironment.RANDOM_PORT;
}
