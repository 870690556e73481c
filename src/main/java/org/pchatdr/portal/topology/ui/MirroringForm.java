package org.pchatdr.portal.topology.ui;

import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.pchatdr.portal.topology.TopologyValues.Kind;
import org.pchatdr.portal.topology.ui.DraftTopology.DraftMirroring;

/** The mirroring endpoints of a pool's databases (T-11) and the file share the mirror is seeded through (M-2). */
class MirroringForm extends RecordForm<DraftMirroring> {

    private final IntegerField partner = number("mirroring-partner-port", "editor.mirroring.partner-port", 1, 65535);
    private final IntegerField witness = number("mirroring-witness-port", "editor.mirroring.witness-port", 1, 65535);
    private final TextField share = text("mirroring-file-share", "editor.mirroring.file-share");

    MirroringForm() {
        port(
                "partnerPort",
                partner,
                mirroring -> mirroring.partnerPort,
                (mirroring, value) -> mirroring.partnerPort = value);
        port(
                "witnessPort",
                witness,
                mirroring -> mirroring.witnessPort,
                (mirroring, value) -> mirroring.witnessPort = value);
        share.setHelperText(getTranslation("editor.unc.help"));
        optional(
                "fileShare",
                share,
                Kind.UNC_PATH,
                mirroring -> mirroring.fileShare,
                (mirroring, value) -> mirroring.fileShare = value);
        wholeRecord(partner);
        getContent().add(partner, witness, share);
    }
}
