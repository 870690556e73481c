package org.pchatdr.portal.base;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Replaces the stack trace of a start that cannot reach the database with what to check. The
 * database URL is shown without any password it may contain.
 */
public class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    private final Environment environment;

    public DatabaseUnreachableFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String url = withoutSecrets(environment.getProperty("spring.datasource.url", "(not set)"));
        return new FailureAnalysis(
                "The portal cannot use its database " + url + ": " + cause.getMessage(),
                "Check PORTAL_DB_URL, PORTAL_DB_USER and PORTAL_DB_PASSWORD, that the database server is running "
                        + "and reachable from this machine, and that the login has the permissions the README lists. "
                        + "With the embedded database, check that PORTAL_DATA_DIR is writable and that no other "
                        + "portal process uses it.",
                cause);
    }

    static String withoutSecrets(String url) {
        return url.replaceAll("(?i)(password|pwd)=[^;]*", "$1=***");
    }
}
