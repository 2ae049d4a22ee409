package app.nianbao.export;

/** The files a dossier is handed over as: a PDF to print, a Word file to edit first. */
public enum DossierFile {
    PDF("PDF", "pdf", "application/pdf"),
    DOCX("Word", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final String label;
    private final String extension;
    private final String mime;

    DossierFile(String label, String extension, String mime) {
        this.label = label;
        this.extension = extension;
        this.mime = mime;
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
