package org.pchatdr.portal.base.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Stack traces with control characters escaped: an exception's message often quotes the input that
 * caused it. Registered in {@code logback-spring.xml} as Spring Boot's {@code %wEx}.
 */
public class EscapedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return EscapedMessageConverter.escapeControls(super.throwableProxyToString(proxy));
    }
}
