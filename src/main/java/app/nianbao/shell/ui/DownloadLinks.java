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
        return List.of(link("CSV", fileName + ".csv", "text/csv", () -> data.get().csv()),
                link("XLSX", fileName + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", () -> data.get().xlsx()));
    }

    private static Anchor link(String label, String file, String mime, Supplier<byte[]> bytes) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] content = bytes.get();
            return new DownloadResponse(new ByteArrayInputStream(content), file, mime, content.length);
        }), label);
        anchor.getElement().setAttribute("download", true);
        anchor.addClassName("download-link");
        return anchor;
    }
}
