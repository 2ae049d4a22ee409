package app.nianbao.shell.ui;

import java.util.List;

import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;

/** The upload's own words (add, drop, too big, uploading…) in the user's language, for every upload of the product. */
public final class Uploads {

    private Uploads() {
    }

    public static void translate(Upload upload) {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(t("upload.add")).setMany(t("upload.add")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(t("upload.drop")).setMany(t("upload.drop")));
        i18n.setError(new UploadI18N.Error().setFileIsTooBig(t("upload.too-big")).setTooManyFiles(t("upload.too-many"))
                .setIncorrectFileType(t("upload.wrong-type")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(t("upload.connecting")).setStalled(t("upload.stalled"))
                        .setProcessing(t("upload.processing")).setHeld(t("upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix(t("upload.remaining"))
                        .setUnknown(t("upload.remaining-unknown")))
                .setError(new UploadI18N.Uploading.Error().setServerUnavailable(t("upload.server-unavailable"))
                        .setUnexpectedServerError(t("upload.server-error")).setForbidden(t("upload.forbidden"))));
        i18n.setUnits(new UploadI18N.Units(List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB")));
        upload.setI18n(i18n);
    }

    private static String t(String key) {
        return Labels.text(key);
    }
}
