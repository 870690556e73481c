package org.pchatdr.portal.base.ui;

import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import java.util.List;

/**
 * The upload widget speaks the user's language: its own texts ("Upload File…", "Drop file here")
 * are English whatever the locale unless they are given (issue 12). Every upload of the portal
 * goes through {@link #translated}.
 */
public final class Uploads {

    private Uploads() {}

    public static Upload translated(Upload upload) {
        UploadI18N i18n = new UploadI18N()
                .setDropFiles(new UploadI18N.DropFiles()
                        .setOne(upload.getTranslation("upload.drop.one"))
                        .setMany(upload.getTranslation("upload.drop.many")))
                .setAddFiles(new UploadI18N.AddFiles()
                        .setOne(upload.getTranslation("upload.add.one"))
                        .setMany(upload.getTranslation("upload.add.many")))
                .setFile(new UploadI18N.File()
                        .setRetry(upload.getTranslation("upload.file.retry"))
                        .setStart(upload.getTranslation("upload.file.start"))
                        .setRemove(upload.getTranslation("upload.file.remove")))
                .setError(new UploadI18N.Error()
                        .setTooManyFiles(upload.getTranslation("upload.error.too-many"))
                        .setFileIsTooBig(upload.getTranslation("upload.error.too-big"))
                        .setIncorrectFileType(upload.getTranslation("upload.error.type")))
                .setUploading(new UploadI18N.Uploading()
                        .setStatus(new UploadI18N.Uploading.Status()
                                .setConnecting(upload.getTranslation("upload.status.connecting"))
                                .setStalled(upload.getTranslation("upload.status.stalled"))
                                .setProcessing(upload.getTranslation("upload.status.processing"))
                                .setHeld(upload.getTranslation("upload.status.held")))
                        .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                                .setPrefix(upload.getTranslation("upload.remaining.prefix"))
                                .setUnknown(upload.getTranslation("upload.remaining.unknown")))
                        .setError(new UploadI18N.Uploading.Error()
                                .setServerUnavailable(upload.getTranslation("upload.failed.unavailable"))
                                .setUnexpectedServerError(upload.getTranslation("upload.failed.unexpected"))
                                .setForbidden(upload.getTranslation("upload.failed.forbidden"))
                                .setFileTooLarge(upload.getTranslation("upload.error.too-big"))))
                .setUnits(List.of(upload.getTranslation("upload.units").split(",")));
        upload.setI18n(i18n);
        return upload;
    }
}
