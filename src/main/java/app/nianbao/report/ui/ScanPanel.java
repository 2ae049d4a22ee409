package app.nianbao.report.ui;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import app.nianbao.figures.Cell;
import app.nianbao.parse.ScanImage;
import app.nianbao.report.ReportService;
import app.nianbao.shell.ui.Labels;

/**
 * A scanned report's pages as the reader straightened them, one at a time, with the box of the
 * clicked cell drawn where OCR read it and what OCR made of it said beneath.
 */
class ScanPanel extends Div {

    private final ReportService reports;
    private final long reportId;
    private final ReportService.ScanLayout layout;
    private final Image image = new Image();
    private final Div box = new Div();
    private final Span pageLabel = new Span();
    private final Span cellNote = new Span();
    private final Button previous = new Button(VaadinIcon.ANGLE_LEFT.create());
    private final Button next = new Button(VaadinIcon.ANGLE_RIGHT.create());
    private final Button zoom = new Button();
    private final Div frame = new Div();
    private int page;
    private boolean zoomed;

    ScanPanel(ReportService reports, long reportId, ReportService.ScanLayout layout) {
        this.reports = reports;
        this.reportId = reportId;
        this.layout = layout;
        addClassName("scan-panel");
        previous.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        next.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        previous.setAriaLabel(getTranslation("report.scan.previous"));
        next.setAriaLabel(getTranslation("report.scan.next"));
        previous.addClickListener(e -> showPage(page - 1));
        next.addClickListener(e -> showPage(page + 1));
        zoom.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        zoom.addClickListener(e -> setZoomed(!zoomed));
        HorizontalLayout pager = new HorizontalLayout(previous, pageLabel, next, zoom);
        pager.setAlignItems(HorizontalLayout.Alignment.CENTER);
        pager.setSpacing(false);
        add(pager, page(), cellNote);
        cellNote.addClassName("scan-cell-note");
        setZoomed(false);
        showPage(1);
    }

    /** A whole page is too small to read a cell's digits in a side column: zoomed in, the page is 2.5 times its width. */
    private void setZoomed(boolean zoomed) {
        this.zoomed = zoomed;
        frame.setWidth(zoomed ? "250%" : "100%");
        zoom.setIcon(zoomed ? VaadinIcon.SEARCH_MINUS.create() : VaadinIcon.SEARCH_PLUS.create());
        zoom.setText(getTranslation(zoomed ? "report.scan.zoom-out" : "report.scan.zoom-in"));
    }

    /** The page image with the box over it, placed in fractions of the page so it scales with the image. */
    private Div page() {
        image.setWidthFull();
        image.getStyle().set("display", "block");
        box.getStyle().set("position", "absolute").set("border", "3px solid var(--lumo-error-color)")
                .set("background", "color-mix(in srgb, var(--lumo-error-color) 12%, transparent)")
                .set("box-sizing", "border-box").set("pointer-events", "none");
        box.setVisible(false);
        frame.add(image, box);
        frame.getStyle().set("position", "relative").set("border", "1px solid var(--lumo-contrast-10pct)");
        Div scroller = new Div(frame);
        scroller.getStyle().set("max-height", "70vh").set("overflow", "auto");
        return scroller;
    }

    private void showPage(int wanted) {
        List<ReportService.ScanPageSize> pages = layout.pages();
        int shown = Math.max(1, Math.min(pages.size(), wanted));
        if (shown != page) {
            page = shown;
            int number = pages.get(page - 1).page();
            image.setSrc(DownloadHandler.fromInputStream(event -> {
                byte[] jpeg = reports.scanPageImage(reportId, number).orElse(new byte[0]);
                return new DownloadResponse(new ByteArrayInputStream(jpeg), "scan-page-" + number + ".jpg", "image/jpeg", jpeg.length);
            }));
            image.setAlt(getTranslation("report.scan.page-alt", number, pages.size()));
            box.setVisible(false);
            cellNote.setText("");
        }
        pageLabel.setText(getTranslation("report.scan.page", page, pages.size()));
        previous.setEnabled(page > 1);
        next.setEnabled(page < pages.size());
    }

    /** Turns to the cell's page and draws its box; false when OCR placed no box for it. */
    boolean show(Cell cell) {
        ScanImage.Box b = layout.boxes().get(cell.code());
        if (b == null) {
            box.setVisible(false);
            cellNote.setText("");
            return false;
        }
        showPage(b.page());
        box.getStyle().set("left", percent(b.x())).set("top", percent(b.y())).set("width", percent(b.width()))
                .set("height", percent(b.height()));
        box.setVisible(true);
        if (b.width() < 1) {
            setZoomed(true);
        }
        box.getElement().executeJs("this.scrollIntoView({block: 'center', inline: 'center'})");
        cellNote.setText(Labels.scanReading(b));
        return true;
    }


    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.3f%%", fraction * 100);
    }
}
