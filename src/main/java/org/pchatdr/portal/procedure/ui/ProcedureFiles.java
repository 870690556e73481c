package org.pchatdr.portal.procedure.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;
import org.pchatdr.portal.procedure.Procedure;

/** Names and links of the files a procedure downloads as. */
final class ProcedureFiles {

    static final String MARKDOWN = "text/markdown;charset=UTF-8";
    static final String SQL = "application/sql;charset=UTF-8";
    static final String POWERSHELL = "text/plain;charset=UTF-8";

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private ProcedureFiles() {}

    /**
     * {@code site-failover-planned-pchat.contoso.local-v3.md}, and for a script of one SQL instance
     * {@code …-v3-SQL01-MGC.sql}: procedure, variant, pool, version and instance, with every run of
     * characters that is unsafe in a file name on Windows or Unix replaced by one {@code -}.
     */
    static String fileName(Procedure procedure, String instance, String extension) {
        StringJoiner name = new StringJoiner("-");
        name.add(procedure.procedure());
        if (procedure.variant() != null) {
            name.add(procedure.variant());
        }
        name.add(procedure.pool());
        name.add("v" + procedure.topology().version());
        if (instance != null) {
            name.add(instance);
        }
        String safe = name.toString().replaceAll("[^\\p{L}\\p{N}._-]+", "-").replaceAll("^[.-]+|[.-]+$", "");
        return (safe.isEmpty() ? "procedure" : safe) + "." + extension;
    }

    /**
     * Windows PowerShell 5.1 (the Lync Management Shell) reads a script without a byte order mark
     * in the ANSI code page, and SQL Server Management Studio may too: names with accents or
     * non-Latin letters would then reach the server garbled.
     */
    static String withByteOrderMark(String script) {
        return script.startsWith(BYTE_ORDER_MARK) ? script : BYTE_ORDER_MARK + script;
    }

    static Anchor download(String id, String label, String fileName, String contentType, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Anchor anchor = new Anchor(
                DownloadHandler.fromInputStream(event ->
                        new DownloadResponse(new ByteArrayInputStream(bytes), fileName, contentType, bytes.length)),
                label);
        anchor.setId(id.replaceAll("[^A-Za-z0-9_-]+", "-"));
        anchor.getElement().setAttribute("data-file-name", fileName);
        anchor.addClassName("procedure-download");
        return anchor;
    }
}
