package app.nianbao.imports;

import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import app.nianbao.parse.ReadOptions;
import app.nianbao.report.ReportService;

/** On a fresh store, imports the sample reports shipped in data/reports so the dashboard has real figures. */
@Component
class BundledReports implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(BundledReports.class);

    private final ImportService imports;
    private final ReportService reports;
    private final Path folder;

    BundledReports(ImportService imports, ReportService reports, @Value("${nianbao.bundled-reports}") Path folder) {
        this.imports = imports;
        this.reports = reports;
        this.folder = folder;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (reports.count() > 0 || !Files.isDirectory(folder)) {
            return;
        }
        ImportSummary summary = new ImportSummary();
        for (Path file : ReportFiles.under(java.util.List.of(folder))) {
            summary.add(imports.importFile(file, ReadOptions.none()));
        }
        LOG.info("Bundled reports from {}: {}", folder.toAbsolutePath(), summary.describe());
        summary.failures().forEach(f -> LOG.warn("{}: {}", f.file(), f.reason()));
    }
}
