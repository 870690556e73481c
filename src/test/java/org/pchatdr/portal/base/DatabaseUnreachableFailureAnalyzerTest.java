package org.pchatdr.portal.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

class DatabaseUnreachableFailureAnalyzerTest {

    @Test
    void explainsAnUnreachableDatabaseWithoutShowingItsPassword() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(
                        "spring.datasource.url",
                        "jdbc:sqlserver://sql1.contoso.com:1433;databaseName=portal;password=S3cret;encrypt=true");
        var analyzer = new DatabaseUnreachableFailureAnalyzer(environment);
        var failure = new BeanCreationException(
                "flyway", new IllegalStateException(new SQLException("The TCP/IP connection to the host failed")));

        FailureAnalysis analysis = analyzer.analyze(failure);

        assertThat(analysis.getDescription())
                .contains("jdbc:sqlserver://sql1.contoso.com:1433")
                .contains("The TCP/IP connection to the host failed")
                .contains("password=***")
                .doesNotContain("S3cret");
        assertThat(analysis.getAction()).contains("PORTAL_DB_URL").contains("PORTAL_DB_PASSWORD");
    }

    @Test
    void leavesOtherFailuresToOtherAnalyzers() {
        var analyzer = new DatabaseUnreachableFailureAnalyzer(new MockEnvironment());
        assertThat(analyzer.analyze(new IllegalStateException("no database involved")))
                .isNull();
    }
}
