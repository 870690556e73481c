package org.pchatdr.portal.review.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.function.Supplier;
import org.pchatdr.portal.review.EvidencePack;

/**
 * The link that downloads an evidence pack, of a run or of a change: the pack is generated when the
 * link is clicked, and so recorded as generated and downloaded then, not when the page opens.
 */
final class EvidenceDownload {

    private EvidenceDownload() {}

    /** A link labelled {@code label}, with {@code id}, whose click generates {@code pack} and sends it. */
    static Anchor link(String id, String label, Supplier<EvidencePack> pack) {
        Anchor link = new Anchor(
                DownloadHandler.fromInputStream(request -> {
                    EvidencePack generated = pack.get();
                    return new DownloadResponse(
                            new ByteArrayInputStream(generated.zip()),
                            generated.fileName(),
                            "application/zip",
                            generated.zip().length);
                }),
                label);
        link.setId(id);
        return link;
    }
}
