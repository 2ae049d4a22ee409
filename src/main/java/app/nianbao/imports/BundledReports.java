package app.nianbao.imports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import app.nianbao.parse.ReadOptions;
import app.nianbao.report.ReportService;
import app.nianbao.security.SystemIdentity;

/**
 * On a fresh store, imports the sample reports shipped in data/reports so the dashboard has real
 * figures, and then says so ({@link BundledReportsImported}) for whatever else a fresh store is
 * given: the demo province, which the generator adds without this feature knowing of it.
 */
@Component
class BundledReports implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(BundledReports.class);

    private final ImportService imports;
    private final ReportService reports;
    private final Path folder;
    private final ApplicationEventPublisher events;

    BundledReports(ImportService imports, ReportService reports, @Value("${nianbao.bundled-reports}") Path folder,
                   ApplicationEventPublisher events) {
        this.imports = imports;
        this.reports = reports;
        this.folder = folder;
        this.events = events;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (reports.count() > 0 || !Files.isDirectory(folder)) {
            return;
        }
        ImportSummary summary = new ImportSummary();
        List<Path> files = ReportFiles.under(List.of(folder));
        SystemIdentity.run(() -> imports.importFiles(files, ReadOptions.none(), summary::add));
        LOG.info("Bundled reports from {}: {}", folder.toAbsolutePath(), summary.describe());
        summary.failures().forEach(f -> LOG.warn("{}: {}", f.file(), f.reason()));
        events.publishEvent(new BundledReportsImported(summary.describe()));
    }
}
