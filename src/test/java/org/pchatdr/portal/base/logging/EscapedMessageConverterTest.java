package org.pchatdr.portal.base.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

class EscapedMessageConverterTest {

    @Test
    void controlCharactersFromARequestNeverReachTheLogRaw() {
        Logger logger = new LoggerContext().getLogger("test");
        LoggingEvent event = new LoggingEvent(
                "test", logger, Level.INFO, "Refused {}", null, new Object[] {"\u001b[2J\u0000\u0007\u009b"});

        String line = new EscapedMessageConverter().convert(event);

        assertThat(line).isEqualTo("Refused \\u001b[2J\\u0000\\u0007\\u009b");
    }

    @Test
    void lineBreaksAndTabsKeepMultiLineReportsReadable() {
        assertThat(EscapedMessageConverter.escapeControls("first\n\tsecond\r\n"))
                .isEqualTo("first\n\tsecond\r\n");
        assertThat(EscapedMessageConverter.escapeControls("plain")).isEqualTo("plain");
    }
}
