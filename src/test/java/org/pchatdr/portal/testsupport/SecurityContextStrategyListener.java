package org.pchatdr.portal.testsupport;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Vaadin installs its own security-context strategy in the static {@link SecurityContextHolder},
 * once per Spring context, while method security keeps the instance of its own context. With
 * several cached contexts in one JVM (a demo-profile test, say) the static holder points at the
 * newest one; before every test it is pointed back at the strategy of the test's own context.
 */
public class SecurityContextStrategyListener extends AbstractTestExecutionListener {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        testContext
                .getApplicationContext()
                .getBeanProvider(SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }
}
