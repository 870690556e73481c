package org.pchatdr.portal.testsupport;

import java.util.Map;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;

/**
 * The portal's password encoder with bcrypt at the lowest cost for the accounts tests make (issue
 * 17's faster suite). Production hashes at bcrypt's default cost (10): about a tenth of a second of
 * CPU per hash and per check, on purpose. Tests make accounts and sign in over HTTP Basic by the
 * thousand (RunActionTableIT alone checks a password on some 800 requests), and on a 2-core CI
 * that cost was minutes of the build. Here new hashes are still {@code {bcrypt}} hashes, checked by
 * the same bcrypt code (the cost is read from each hash), so sign-in, lockout and password rules
 * behave as in production; hashes with another id (or made at a higher cost, such as the initial
 * administrator's) are checked by the portal's own encoder.
 */
@TestConfiguration(proxyBeanMethods = false)
public class QuickPasswordHashing {

    /** bcrypt's lowest cost: 2^4 rounds instead of 2^10. */
    static final int COST = 4;

    @Bean
    static BeanPostProcessor quickBcryptForTestAccounts() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof DelegatingPasswordEncoder portals)) {
                    return bean;
                }
                DelegatingPasswordEncoder quick =
                        new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(COST)));
                quick.setDefaultPasswordEncoderForMatches(portals);
                return quick;
            }
        };
    }
}
