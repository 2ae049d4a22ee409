package app.nianbao.shell.ui;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import app.nianbao.export.DataTable;
import app.nianbao.export.Dossier;
import app.nianbao.export.DossierFile;
import app.nianbao.export.Dossiers;

/** CSV and XLSX links for a table of numbers, made when clicked from what the table holds then. */
public final class DownloadLinks {

    private DownloadLinks() {
    }

    public static List<Anchor> of(String fileName, Supplier<DataTable> data) {
        return of(() -> fileName, data, () -> DataTable.About.NONE);
    }

    /** As {@link #of(String, Supplier)}, the name chosen when clicked, and the XLSX opening with a sheet that says what it holds. */
    public static List<Anchor> of(Supplier<String> fileName, Supplier<DataTable> data, Supplier<DataTable.About> about) {
        return List.of(link("CSV", () -> fileName.get() + ".csv", "text/csv", () -> data.get().csv()),
                link("XLSX", () -> fileName.get() + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        () -> data.get().xlsx(about.get())));
    }

    /**
     * "档案：PDF · Word": links that make the dossier when clicked (once per click) and download
     * it as each kind of file.
     */
    public static HorizontalLayout dossier(String caption, Supplier<Dossier> make, Dossiers dossiers) {
        HorizontalLayout row = new HorizontalLayout(new Span(caption));
        for (DossierFile file : DossierFile.values()) {
            AtomicReference<Dossier> made = new AtomicReference<>();
            // the name is asked after the bytes, so the dossier is made once
            row.add(link(file.label(), () -> file.name(made.get()), file.mime(), () -> {
                made.set(make.get());
                return dossiers.render(made.get(), file);
            }));
        }
        row.addClassName("made-links");
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private static Anchor link(String label, Supplier<String> file, String mime, Supplier<byte[]> bytes) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] content = bytes.get();
            return new DownloadResponse(new ByteArrayInputStream(content), file.get(), mime, content.length);
        }), label);
        anchor.getElement().setAttribute("download", true);
        anchor.addClassName("download-link");
        return anchor;
    }
}
