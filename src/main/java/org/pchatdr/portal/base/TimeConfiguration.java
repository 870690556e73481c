package org.pchatdr.portal.base;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    /** Every timestamp the portal records is UTC; tests replace this clock to move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
