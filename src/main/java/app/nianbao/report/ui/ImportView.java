package app.nianbao.report.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.security.RolesAllowed;

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
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;

import app.nianbao.figures.Finding;
import app.nianbao.figures.Severity;
import app.nianbao.imports.ImportOutcome;
import app.nianbao.imports.ImportService;
import app.nianbao.imports.ImportService.Preview;
import app.nianbao.imports.ImportSummary;
import app.nianbao.parse.ReadOptions;

/**
 * 导入: files dropped here are read at once and shown as the template lays them out; the user
 * corrects agency and year where the title misled the reader, then confirms. Nothing is stored
 * before that.
 */
@Route("import")
@RolesAllowed("ANALYST")
@PageTitle("导入 · 年报 Nianbao")
class ImportView extends Main {

    private final ImportService imports;
    private final List<PendingFile> pending = new ArrayList<>();
    private final Div files = new Div();
    private final Button confirm = new Button("确认导入");
    private final ProgressBar progress = new ProgressBar();
    private final Div summary = new Div();

    ImportView(ImportService imports) {
        this.imports = imports;
        addClassName("view");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> storeAll());
        progress.setVisible(false);
        summary.addClassName("import-summary");
        add(new H2("导入年报"), new Paragraph("拖入或选择年报文件（PDF、网页 HTML、文本）。文件先被读取并显示在下方，确认后才写入数据库。"),
                upload(), files, new HorizontalLayout(confirm), progress, summary);
        refreshConfirm();
    }

    private Upload upload() {
        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> ui.access(() -> received(meta.fileName(), bytes))));
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, imports.maxBytes()));
        upload.setDropAllowed(true);
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne("选择文件…").setMany("选择文件…"));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne("或拖放文件到这里").setMany("或拖放文件到这里"));
        i18n.setError(new UploadI18N.Error().setFileIsTooBig("文件过大").setTooManyFiles("文件过多").setIncorrectFileType("文件类型不对"));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting("连接中…").setStalled("已停滞").setProcessing("处理中…").setHeld("排队中"))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix("剩余 ").setUnknown("剩余时间未知"))
                .setError(new UploadI18N.Uploading.Error().setServerUnavailable("服务器不可用").setUnexpectedServerError("服务器错误").setForbidden("禁止上传")));
        i18n.setUnits(new UploadI18N.Units(java.util.List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB")));
        upload.setI18n(i18n);
        upload.addFileRejectedListener(e -> summary.setText("未接受 / rejected: " + e.getFileName() + " — " + e.getErrorMessage()));
        return upload;
    }

    /** Reads a received file and shows it for review; package-visible for browserless tests. */
    void received(String fileName, byte[] bytes) {
        PendingFile file = new PendingFile(imports.preview(fileName, bytes, ReadOptions.none()));
        pending.add(file);
        files.add(file);
        refreshConfirm();
    }

    private void refreshConfirm() {
        long ready = pending.stream().filter(PendingFile::isReady).count();
        confirm.setText("确认导入 %d 份".formatted(ready));
        confirm.setEnabled(ready > 0);
    }

    private void storeAll() {
        List<PendingFile> batch = pending.stream().filter(PendingFile::isReady).toList();
        ImportSummary result = new ImportSummary();
        pending.stream().filter(PendingFile::isSkipped).forEach(p -> result.add(p.takeSkippedOutcome()));
        pending.removeIf(PendingFile::isSkipped);
        UI ui = UI.getCurrent();
        confirm.setEnabled(false);
        progress.setVisible(true);
        progress.setValue(0);
        CompletableFuture.runAsync(() -> {
            for (int i = 0; i < batch.size(); i++) {
                PendingFile file = batch.get(i);
                ImportOutcome outcome = imports.store(file.name(), file.sha256(), file.corrected(), file.agencyEdited());
                result.add(outcome);
                double done = (i + 1) / (double) batch.size();
                ui.access(() -> {
                    progress.setValue(done);
                    file.showOutcome(outcome);
                });
            }
            ui.access(() -> finish(result));
        });
    }

    private void finish(ImportSummary result) {
        summary.removeAll();
        summary.add(new Span(result.describe()));
        result.failures().forEach(f -> summary.add(new Paragraph("失败：" + f.file() + " — " + f.reason())));
        refreshConfirm();
    }

    /** One file as read: its tables and findings, with agency and year open to correction. */
    private final class PendingFile extends Div {

        private final Preview preview;
        private final TextField agency = new TextField("机构");
        private final IntegerField year = new IntegerField("年度");
        private final Span status = new Span();
        private ImportOutcome outcome;

        PendingFile(Preview preview) {
            this.preview = preview;
            addClassName("pending-file");
            HorizontalLayout head = new HorizontalLayout(new Span(preview.file()), status);
            head.setAlignItems(HorizontalLayout.Alignment.BASELINE);
            add(head);
            if (preview.alreadyStored()) {
                status.setText("已导入过（内容相同），不会重复导入");
            } else if (preview.failure() != null) {
                status.setText("无法导入：" + preview.failure());
                status.getElement().getThemeList().add("badge error");
            } else {
                showReport();
            }
        }

        private void showReport() {
            var report = preview.report();
            agency.setValue(report.agency() == null ? "" : report.agency());
            agency.setWidth("24em");
            agency.setRequiredIndicatorVisible(true);
            year.setValue(report.year());
            year.setMin(1990);
            year.setMax(2100);
            agency.addValueChangeListener(e -> refreshConfirm());
            year.addValueChangeListener(e -> refreshConfirm());
            long errors = count(Severity.ERROR);
            long warnings = count(Severity.WARNING);
            status.setText("模板 %s · %d 个错误 · %d 个警告".formatted(report.figures().template().code(), errors, warnings));
            status.getElement().getThemeList().add(errors > 0 ? "badge error" : "badge success");
            Div findings = new Div();
            report.findings().stream().filter(f -> f.severity() != Severity.INFO || f.rule().startsWith("P"))
                    .forEach(f -> findings.add(new Paragraph("[%s %s] %s".formatted(f.rule(), f.severity().code(), f.message()))));
            Details details = new Details("查看表格与核对发现", new TemplateTables(report.figures(), cell -> { }), findings);
            add(new HorizontalLayout(agency, year), details);
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

        app.nianbao.parse.ParsedReport corrected() {
            return preview.report().as(agency.getValue().strip(), year.getValue());
        }

        void showOutcome(ImportOutcome result) {
            this.outcome = result.status() == ImportOutcome.Status.FAILED ? null : result;
            status.getElement().getThemeList().clear();
            status.setText(switch (result.status()) {
                case IMPORTED -> "已导入";
                case REPLACED -> "已导入为第 %d 版".formatted(result.version());
                case UNCHANGED -> "内容相同，未变";
                case FAILED -> "失败：" + result.reason();
            });
            status.getElement().getThemeList().add(result.status() == ImportOutcome.Status.FAILED ? "badge error" : "badge success");
        }
    }
}
