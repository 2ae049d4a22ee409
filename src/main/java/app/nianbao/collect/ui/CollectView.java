package app.nianbao.collect.ui;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

import app.nianbao.collect.CollectService;
import app.nianbao.collect.CollectService.Result;
import app.nianbao.collect.CollectService.SourcePage;
import app.nianbao.collect.Sources;
import app.nianbao.shell.ui.Labels;
import app.nianbao.shell.ui.Uploads;

/**
 * 采集: an analyst lists the sources (agency, URL of a report, a report file or a list page of
 * annual reports), the collector fetches them politely and imports what is new or changed; the
 * table below keeps every URL it knows with when it was first and last seen, changed or gone.
 */
@Route("collect")
@RolesAllowed("ANALYST")
class CollectView extends Main implements HasDynamicTitle {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** The most recently seen URLs shown; the rest are in the store, not in the page. */
    private static final int SHOWN = 500;

    private final CollectService collector;
    private final TextArea sources = new TextArea();
    private final Button start = new Button();
    private final Button again = new Button();
    private final Span status = new Span();
    private final Grid<Result> run = new Grid<>();
    private final Grid<SourcePage> known = new Grid<>();
    private final List<Result> results = new ArrayList<>();

    CollectView(CollectService collector) {
        this.collector = collector;
        addClassName("view");
        status.addClassName("collect-status");
        status.getElement().setAttribute("role", "status");
        add(new H2(getTranslation("collect.title")), new Paragraph(getTranslation("collect.intro")), sourcesInput(), buttons(), status,
                runGrid(), new H3(getTranslation("collect.known")), knownGrid());
        refreshKnown();
    }

    private Component sourcesInput() {
        sources.setLabel(getTranslation("collect.sources"));
        sources.setPlaceholder("agency,url\n平潭综合实验区,https://www.pingtan.gov.cn/zwgk/ndbg/");
        sources.setHelperText(getTranslation("collect.sources.help"));
        sources.setWidthFull();
        sources.setMinHeight("8em");
        sources.addClassName("collect-sources");
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            getUI().ifPresent(ui -> ui.access(() -> sources.setValue(text)));
        }));
        upload.setAcceptedFileTypes(".csv", "text/csv", "text/plain");
        upload.setMaxFileSize(1 << 20);
        Uploads.translate(upload);
        upload.setDropLabel(new Span(getTranslation("collect.sources.drop")));
        return new Div(sources, upload);
    }

    private HorizontalLayout buttons() {
        start.setText(getTranslation("collect.start"));
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> startListed());
        again.setText(getTranslation("collect.again"));
        again.addClickListener(e -> collect(collector.remembered()));
        HorizontalLayout buttons = new HorizontalLayout(start, again);
        buttons.setAlignItems(FlexComponent.Alignment.BASELINE);
        return buttons;
    }

    private Grid<Result> runGrid() {
        run.addColumn(r -> getTranslation("collect.outcome." + r.outcome().name().toLowerCase())).setHeader(getTranslation("collect.outcome"))
                .setWidth("8em").setFlexGrow(0);
        run.addComponentColumn(r -> link(r.url())).setHeader(getTranslation("collect.url")).setFlexGrow(4);
        run.addColumn(r -> r.agency() == null ? "" : r.agency() + " " + r.year() + (r.version() != null && r.version() > 1
                ? " · " + getTranslation("collect.version", r.version()) : "")).setHeader(getTranslation("collect.report")).setFlexGrow(2);
        run.addColumn(r -> r.detail() == null ? "" : Labels.inLanguage(r.detail())).setHeader(getTranslation("collect.detail")).setFlexGrow(2);
        run.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        run.setAllRowsVisible(true);
        run.setVisible(false);
        run.addClassName("collect-run");
        return run;
    }

    private Grid<SourcePage> knownGrid() {
        known.addComponentColumn(p -> link(p.url())).setHeader(getTranslation("collect.url")).setWidth("22em").setFlexGrow(3);
        known.addColumn(p -> p.agencyName() == null ? "" : p.agencyName()).setHeader(getTranslation("common.agency")).setWidth("12em")
                .setFlexGrow(1);
        known.addColumn(p -> when(p.firstSeen())).setHeader(getTranslation("collect.first-seen")).setAutoWidth(true);
        known.addColumn(p -> when(p.lastSeen())).setHeader(getTranslation("collect.last-seen")).setAutoWidth(true);
        known.addColumn(p -> when(p.lastChanged())).setHeader(getTranslation("collect.last-changed")).setAutoWidth(true);
        known.addColumn(p -> p.goneOn() == null ? "" : when(p.goneOn()) + " · " + getTranslation("collect.gone." + p.goneReason().replaceAll("-\\d+$", ""),
                p.goneReason().replaceAll("\\D", ""))).setHeader(getTranslation("collect.gone")).setAutoWidth(true);
        known.addComponentColumn(CollectView::reportLink).setHeader(getTranslation("collect.report")).setAutoWidth(true);
        known.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        known.setHeight("28em");
        known.addClassName("collect-known");
        return known;
    }

    private static Component link(String url) {
        Anchor a = new Anchor(url, url, AnchorTarget.BLANK);
        a.getElement().setAttribute("rel", "noopener noreferrer");
        a.getElement().setAttribute("title", url);
        return a;
    }

    private static Component reportLink(SourcePage p) {
        return p.agencyId() == null ? new Span("") : new Anchor("reports/%d/%d".formatted(p.agencyId(), p.year()),
                Labels.text("collect.open-report", String.valueOf(p.year())));
    }

    private static String when(LocalDateTime t) {
        return t == null ? "" : WHEN.format(t);
    }

    private void startListed() {
        try {
            List<Sources.Source> listed = Sources.read(sources.getValue());
            if (listed.isEmpty()) {
                status.setText(getTranslation("collect.nothing"));
                return;
            }
            collect(listed);
        } catch (IllegalArgumentException e) {
            status.setText(Labels.inLanguage(e.getMessage()));
        }
    }

    /** Runs off the request thread; each URL's result is pushed to the page as it comes. */
    void collect(List<Sources.Source> todo) {
        if (collector.running()) {
            status.setText(getTranslation("collect.busy"));
            return;
        }
        UI ui = UI.getCurrent();
        results.clear();
        run.setItems(results);
        run.setVisible(true);
        start.setEnabled(false);
        again.setEnabled(false);
        status.setText(getTranslation("collect.running", todo.size()));
        CompletableFuture.runAsync(new DelegatingSecurityContextRunnable(() -> {
            List<Result> all = null;
            String failure = null;
            try {
                all = collector.collect(todo, r -> ui.access(() -> {
                    results.add(r);
                    run.getDataProvider().refreshAll();
                    status.setText(getTranslation("collect.progress", results.size()));
                }));
            } catch (RuntimeException e) {
                failure = e.getMessage();
            }
            List<Result> done = all;
            String failed = failure;
            // words are looked up in the UI's locale, so inside access, not on this thread
            ui.access(() -> {
                status.setText(failed != null ? Labels.inLanguage(failed) : getTranslation("collect.done", done.size(), tally(done)));
                start.setEnabled(true);
                again.setEnabled(true);
                refreshKnown();
            });
        }));
    }

    private String tally(List<Result> all) {
        List<String> parts = new ArrayList<>();
        CollectService.tally(all).forEach((outcome, n) -> parts.add(getTranslation("collect.outcome." + outcome.name().toLowerCase()) + " " + n));
        return String.join(getTranslation("coverage.separator"), parts);
    }

    private void refreshKnown() {
        known.setItems(collector.pages(SHOWN));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.collect") + " · " + getTranslation("shell.product");
    }
}
