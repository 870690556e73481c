package org.pchatdr.portal.procedure.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pchatdr.portal.procedure.Procedure;

/**
 * What the procedure pages need from the procedure module: generating one procedure, the names and
 * variants to choose from, and the downloadable renderings. A narrow seam, so that the pages are
 * tested with hand-made procedures; the application wires it to the procedure service.
 */
interface ProcedureSource {

    /**
     * Procedure {@code name} for pool {@code poolFqdn} of version {@code version} of topology
     * {@code topologyId} ({@code null}: the published version), texts in {@code locale}.
     */
    Procedure generate(long topologyId, String poolFqdn, String name, String variant, Integer version, Locale locale);

    /** Every procedure name, in the order the page offers them. */
    List<String> names();

    /** The variants of procedure {@code name}, the default first; empty when it has none. */
    List<String> variants(String name);

    /** The printable Markdown of {@code procedure}, headings in {@code locale}. */
    String markdown(Procedure procedure, Locale locale);

    /** The T-SQL of {@code procedure} as one script per SQL instance, keyed by the instance's name. */
    Map<String, String> sqlByInstance(Procedure procedure);

    /** The Lync Management Shell steps of {@code procedure} as one script; blank when it has none. */
    String powerShell(Procedure procedure);
}
