package app.nianbao.dossier;

import java.util.function.Function;

/** The files a dossier is handed over as: a PDF to print, a Word file to edit first. */
public enum DossierFile {
    PDF("PDF", "pdf", "application/pdf", DossierPdf::render),
    DOCX("Word", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", DossierDocx::render);

    private final String label;
    private final String extension;
    private final String mime;
    private final Function<Dossier, byte[]> render;

    DossierFile(String label, String extension, String mime, Function<Dossier, byte[]> render) {
        this.label = label;
        this.extension = extension;
        this.mime = mime;
        this.render = render;
    }

    public String label() {
        return label;
    }

    public String mime() {
        return mime;
    }

    /** The dossier's file name with this kind's extension. */
    public String name(Dossier dossier) {
        return dossier.fileName() + "." + extension;
    }

    public byte[] render(Dossier dossier) {
        return render.apply(dossier);
    }

    /** The kind an extension names ("pdf", "docx"); IllegalArgumentException for any other. */
    public static DossierFile ofExtension(String extension) {
        for (DossierFile file : values()) {
            if (file.extension.equals(extension)) {
                return file;
            }
        }
        throw new IllegalArgumentException("a dossier is .pdf or .docx");
    }
}
