package org.pchatdr.portal.topology.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Function;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.ui.Uploads;
import org.pchatdr.portal.topology.ReadResult;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologyFormat;
import org.pchatdr.portal.topology.TopologyVersion;

/**
 * Reads an uploaded {@code pchat-dr-topology/1} file. A file that is not a topology shows every
 * problem found in it and stores nothing; a topology goes to {@code save}.
 */
class TopologyUpload extends Composite<VerticalLayout> {

    private final Div problems = new Div();
    private final Upload upload;

    TopologyUpload(String id, Function<Topology, TopologyVersion> save, Consumer<Long> onSaved) {
        upload = new Upload(UploadHandler.inMemory(
                (metadata, bytes) -> getUI().ifPresent(ui -> ui.access(() -> accept(bytes, save, onSaved)))));
        Uploads.translated(upload);
        upload.setId(id);
        upload.setMaxFiles(1);
        upload.setMaxFileSize(TopologyFormat.MAX_DOCUMENT_CHARS);
        upload.setAcceptedFileTypes("application/json", ".json");
        problems.setId(id + "-problems");
        problems.addClassName("upload-problems");
        problems.getElement().setAttribute("role", "alert");
        getContent().setPadding(false);
        getContent().add(upload, problems);
    }

    void accept(byte[] bytes, Function<Topology, TopologyVersion> save, Consumer<Long> onSaved) {
        problems.removeAll();
        switch (TopologyFormat.read(new String(bytes, StandardCharsets.UTF_8))) {
            case ReadResult.Unreadable unreadable -> {
                problems.add(new Div(getTranslation(
                        "topologies.import.unreadable", unreadable.errors().size())));
                UnorderedList list = new UnorderedList();
                unreadable
                        .errors()
                        .forEach(error -> list.add(new ListItem(error.path() + ": "
                                + getTranslation(
                                        error.messageKey(), error.arguments().toArray()))));
                problems.add(list);
                // The refused file leaves the list, so the next one can be dropped (one file at a time).
                upload.clearFileList();
            }
            case ReadResult.Read read -> {
                try {
                    onSaved.accept(save.apply(read.topology()).topologyId());
                } catch (PortalException e) {
                    problems.add(new Div(getTranslation(e.messageKey(), e.arguments())));
                    upload.clearFileList();
                }
            }
        }
    }
}
