package app.nianbao.imports.ui;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;

import app.nianbao.catalog.Template;
import app.nianbao.figures.Finding;
import app.nianbao.figures.Severity;
import app.nianbao.imports.ImportOutcome;
import app.nianbao.imports.ImportPace;
import app.nianbao.imports.ImportQueue;
import app.nianbao.imports.ImportService;
import app.nianbao.imports.ImportService.Preview;
import app.nianbao.imports.ImportSummary;
import app.nianbao.parse.ParsedReport;
import app.nianbao.parse.ReadOptions;
import app.nianbao.report.Replaces;
import app.nianbao.report.ui.FindingChanges;
import app.nianbao.shell.ui.Labels;
import app.nianbao.shell.ui.TemplateTables;
import app.nianbao.shell.ui.Uploads;

/**
 * 导入: files dropped here are read at once and shown as the template lays them out; the user
 * corrects agency and year where the title misled the reader, then confirms. Nothing is stored
 * before that.
 */
@Route("import")
@RolesAllowed("ANALYST")
class ImportView extends Main implements HasDynamicTitle {

    private final ImportService imports;
    private final ImportQueue queue;
    private final List<PendingFile> pending = new ArrayList<>();
    private final Div files = new Div();
    private final Button confirm = new Button();
    private final ProgressBar progress = new ProgressBar();
    private final Span pace = new Span();
    private final Div summary = new Div();

    ImportView(ImportService imports, ImportQueue queue) {
        this.imports = imports;
        this.queue = queue;
        addClassName("view");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> storeAll());
        progress.setVisible(false);
        pace.addClassName("import-pace");
        summary.addClassName("import-summary");
        add(new H2(getTranslation("import.title")), new Paragraph(getTranslation("import.intro")),
                // the button and what it did sit above the files: a zip of a thousand files needs no scrolling to confirm
                upload(), new HorizontalLayout(confirm), progress, pace, summary, files);
        refreshConfirm();
    }

    private Upload upload() {
        UI ui = UI.getCurrent();
        // read (and unpacked, for a zip) on the upload's own thread, so the page stays live while a large upload is read
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> {
            List<Preview> previews = imports.previewUpload(meta.fileName(), bytes, ReadOptions.none());
            ui.access(() -> show(previews));
        }));
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, imports.maxBytes()));
        upload.setDropAllowed(true);
        Uploads.translate(upload);
        upload.addFileRejectedListener(e -> summary.setText(getTranslation("upload.rejected", e.getFileName(), e.getErrorMessage())));
        return upload;
    }

    /** Reads a received file (or the files of a zip) and shows them for review; package-visible for browserless tests. */
    void received(String fileName, byte[] bytes) {
        show(imports.previewUpload(fileName, bytes, ReadOptions.none()));
    }

    private void show(List<Preview> previews) {
        previews.forEach(p -> {
            PendingFile file = new PendingFile(p);
            pending.add(file);
            files.add(file);
        });
        if (previews.size() > 1) {
            long stored = previews.stream().filter(Preview::alreadyStored).count();
            long unreadable = previews.stream().filter(p -> !p.alreadyStored() && p.failure() != null).count();
            summary.setText(getTranslation("import.read", previews.size(), previews.size() - stored - unreadable, stored, unreadable));
        }
        refreshConfirm();
    }

    private void refreshConfirm() {
        long ready = pending.stream().filter(PendingFile::isReady).count();
        confirm.setText(getTranslation("import.confirm", ready));
        confirm.setEnabled(ready > 0);
    }

    /** Files per transaction from the web: small enough that progress moves, large enough to be fast. */
    private static final int WEB_BATCH = 50;

    private void storeAll() {
        List<PendingFile> batch = pending.stream().filter(PendingFile::isReady).toList();
        ImportSummary result = new ImportSummary();
        pending.stream().filter(PendingFile::isSkipped).forEach(p -> result.add(p.takeSkippedOutcome()));
        pending.removeIf(PendingFile::isSkipped);
        UI ui = UI.getCurrent();
        confirm.setEnabled(false);
        progress.setVisible(true);
        progress.setValue(0);
        ImportPace timer = new ImportPace(batch.size());
        int ahead = queue.submit(() -> {
            try {
                // the same pipeline as the command line, a batch at a time so that progress shows
                for (int start = 0; start < batch.size(); start += WEB_BATCH) {
                    List<PendingFile> chunk = batch.subList(start, Math.min(batch.size(), start + WEB_BATCH));
                    List<ImportOutcome> outcomes = imports.storeAll(chunk.stream().map(f -> new ImportService.Ready(f.name(), f.sha256(),
                            f.corrected(), f.agencyEdited())).toList());
                    ImportPace.Reading now = timer.at(start + chunk.size());
                    for (int i = 0; i < chunk.size(); i++) {
                        result.add(outcomes.get(i));
                    }
                    ui.access(() -> {
                        progress.setValue(now.done() / (double) now.total());
                        pace.setText(paceText(now));
                        for (int i = 0; i < chunk.size(); i++) {
                            chunk.get(i).showOutcome(outcomes.get(i));
                        }
                    });
                }
            } finally {
                // whatever happened, the page says what landed and the button comes back
                ui.access(() -> finish(result));
            }
        });
        if (ahead > 0) {
            pace.setText(getTranslation("import.queued", ahead));
        }
    }

    private String paceText(ImportPace.Reading now) {
        long seconds = now.left().toSeconds();
        String left = seconds < 60 ? getTranslation("duration.seconds", seconds)
                : getTranslation("duration.minutes", seconds / 60, seconds % 60);
        return getTranslation("import.pace", now.done(), now.total(), Math.round(now.filesPerSecond()), left);
    }

    private void finish(ImportSummary result) {
        summary.removeAll();
        summary.add(new Span(Labels.inLanguage(result.describe())));
        result.failures().forEach(f -> summary.add(new Paragraph(getTranslation("import.failed", f.file(), Labels.inLanguage(f.reason())))));
        refreshConfirm();
    }

    /** One file as read: its tables and findings, with agency and year open to correction. */
    /** Changed cells listed under a file; a file that changes more says how many more. */
    private static final int SHOWN_CHANGES = 50;

    private final class PendingFile extends Div {

        private final Preview preview;
        private final TextField agency = new TextField(getTranslation("common.agency"));
        private final IntegerField year = new IntegerField(getTranslation("common.year"));
        private final Span status = new Span();
        private ImportOutcome outcome;

        PendingFile(Preview preview) {
            this.preview = preview;
            addClassName("pending-file");
            HorizontalLayout head = new HorizontalLayout(new Span(preview.file()), status);
            head.setAlignItems(HorizontalLayout.Alignment.BASELINE);
            add(head);
            if (preview.alreadyStored()) {
                status.setText(getTranslation("import.already"));
            } else if (preview.failure() != null) {
                status.setText(getTranslation("import.cannot", Labels.inLanguage(preview.failure())));
                status.getElement().getThemeList().add("badge error");
            } else {
                showReport();
            }
        }

        private void showReport() {
            var report = preview.report();
            agency.setValue(report.agency() == null ? "" : report.agency());
            agency.setWidth("100%");
            agency.setMaxWidth("24em");
            agency.setRequiredIndicatorVisible(true);
            year.setValue(report.year());
            year.setMin(Template.FIRST_YEAR);
            year.setMax(Year.now().getValue());
            agency.addValueChangeListener(e -> refreshConfirm());
            year.addValueChangeListener(e -> refreshConfirm());
            long errors = count(Severity.ERROR);
            long warnings = count(Severity.WARNING);
            status.setText(getTranslation("import.status", report.figures().template().code(), errors, warnings));
            status.getElement().getThemeList().add(errors > 0 ? "badge error" : "badge success");
            // the tables are built when opened: an upload of a thousand files shows a thousand rows, not their tables
            Details details = new Details(getTranslation("import.details"));
            details.addOpenedChangeListener(e -> {
                if (e.isOpened() && details.getContent().findAny().isEmpty()) {
                    Div findings = new Div();
                    report.findings().stream().filter(Finding::listed)
                            .forEach(f -> findings.add(new Paragraph("[%s %s] %s".formatted(f.rule(), Labels.severity(f.severity().code()),
                                    Labels.finding(f)))));
                    details.add(new TemplateTables(report.figures(), report.scan() == null ? Map.of() : report.scan().boxes(), cell -> { }), findings);
                }
            });
            add(new HorizontalLayout(agency, year));
            if (preview.replaces() != null) {
                add(replacing(preview.replaces()));
            }
            add(details);
        }

        /** Before it lands: which stored version this file would replace, and every number it would change (old → new). */
        private Div replacing(Replaces replaces) {
            String when = replaces.importedAt() == null ? "—" : replaces.importedAt().toLocalDate().toString();
            Span line = new Span(replaces.changes().isEmpty() ? getTranslation("import.replaces.same", replaces.version(), when)
                    : getTranslation("import.replaces", replaces.version(), when, replaces.changes().size()));
            line.getElement().getThemeList().add(replaces.changes().isEmpty() ? "badge contrast" : "badge");
            line.addClassName("replaces");
            Div block = new Div(line);
            if (!replaces.changes().isEmpty()) {
                Div changes = new Div();
                changes.addClassName("cell-changes");
                replaces.changes().stream().limit(SHOWN_CHANGES).forEach(c -> changes.add(new Paragraph(getTranslation("import.change",
                        Labels.cell(c.cell()), Labels.numberOrBlank(c.before()), Labels.numberOrBlank(c.after())))));
                if (replaces.changes().size() > SHOWN_CHANGES) {
                    changes.add(new Paragraph(getTranslation("import.changes-more", replaces.changes().size() - SHOWN_CHANGES)));
                }
                block.add(changes);
            }
            block.add(new FindingChanges(replaces));
            return block;
        }


        private long count(Severity severity) {
            return preview.report().findings().stream().map(Finding::severity).filter(severity::equals).count();
        }

        String name() {
            return preview.file();
        }

        String sha256() {
            return preview.sha256();
        }

        boolean isReady() {
            return preview.report() != null && outcome == null && !agency.getValue().isBlank() && year.getValue() != null;
        }

        boolean isSkipped() {
            return preview.report() == null;
        }

        /** A file that was never offered for storing counts once, in the summary of the next batch. */
        ImportOutcome takeSkippedOutcome() {
            return preview.alreadyStored() ? new ImportOutcome(name(), ImportOutcome.Status.UNCHANGED, null, null, null, null)
                    : new ImportOutcome(name(), ImportOutcome.Status.FAILED, preview.failure(), null, null, null);
        }

        boolean agencyEdited() {
            return !agency.getValue().strip().equals(preview.report().agency());
        }

        ParsedReport corrected() {
            return preview.report().as(agency.getValue().strip(), year.getValue());
        }

        void showOutcome(ImportOutcome result) {
            this.outcome = result.status() == ImportOutcome.Status.FAILED ? null : result;
            status.getElement().getThemeList().clear();
            status.setText(switch (result.status()) {
                case IMPORTED -> getTranslation("import.done");
                case REPLACED -> getTranslation("import.new-version", result.version());
                case UNCHANGED -> getTranslation("import.unchanged");
                case FAILED -> getTranslation("import.outcome-failed", Labels.inLanguage(result.reason()));
            } + (result.lapsedReviews() == 0 ? "" : getTranslation("import.reviews-lapsed", result.lapsedReviews())));
            status.getElement().getThemeList().add(result.status() == ImportOutcome.Status.FAILED ? "badge error" : "badge success");
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.import") + " · " + getTranslation("shell.product");
    }
}
