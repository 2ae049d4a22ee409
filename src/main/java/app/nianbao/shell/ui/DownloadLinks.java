package app.nianbao.shell.ui;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.function.Supplier;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import app.nianbao.export.DataTable;

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

    /** One kind of file a thing is downloaded as: the link's label, the file's name and type, and its bytes. */
    public record Kind<T>(String label, java.util.function.Function<T, String> name, String mime, java.util.function.Function<T, byte[]> bytes) {
    }

    /**
     * "档案：PDF · Word": links that make the thing when clicked (once per click) and download it
     * as each kind of file.
     */
    public static <T> com.vaadin.flow.component.orderedlayout.HorizontalLayout made(String caption, Supplier<T> make, List<Kind<T>> kinds) {
        com.vaadin.flow.component.orderedlayout.HorizontalLayout row = new com.vaadin.flow.component.orderedlayout.HorizontalLayout(
                new com.vaadin.flow.component.html.Span(caption));
        for (Kind<T> kind : kinds) {
            java.util.concurrent.atomic.AtomicReference<T> made = new java.util.concurrent.atomic.AtomicReference<>();
            // the name is asked after the bytes, so the thing is made once
            row.add(link(kind.label(), () -> kind.name().apply(made.get()), kind.mime(), () -> {
                made.set(make.get());
                return kind.bytes().apply(made.get());
            }));
        }
        row.addClassName("made-links");
        row.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
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
