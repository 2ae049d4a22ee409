package app.nianbao.imports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import app.nianbao.generate.GenerateOptions;
import app.nianbao.generate.SyntheticStore;
import app.nianbao.parse.ReadOptions;
import app.nianbao.report.ReportService;
import app.nianbao.security.SystemIdentity;

/**
 * On a fresh store, imports the sample reports shipped in data/reports so the dashboard has real
 * figures, and beside them a small generated province (names marked （模拟）) so that roll-ups,
 * peer comparisons and funnels have many agencies to show.
 */
@Component
class BundledReports implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(BundledReports.class);

    private final ImportService imports;
    private final ReportService reports;
    private final Path folder;
    private final DataSource dataSource;
    private final int syntheticAgencies;

    BundledReports(ImportService imports, ReportService reports, @Value("${nianbao.bundled-reports}") Path folder,
                   DataSource dataSource, @Value("${nianbao.demo.synthetic-agencies:0}") int syntheticAgencies) {
        this.imports = imports;
        this.reports = reports;
        this.folder = folder;
        this.dataSource = dataSource;
        this.syntheticAgencies = syntheticAgencies;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (reports.count() > 0 || !Files.isDirectory(folder)) {
            return;
        }
        ImportSummary summary = new ImportSummary();
        java.util.List<Path> files = ReportFiles.under(java.util.List.of(folder));
        SystemIdentity.run(() -> imports.importFiles(files, ReadOptions.none(), summary::add));
        LOG.info("Bundled reports from {}: {}", folder.toAbsolutePath(), summary.describe());
        summary.failures().forEach(f -> LOG.warn("{}: {}", f.file(), f.reason()));
        if (syntheticAgencies > 0) {
            try (Connection connection = dataSource.getConnection()) {
                if (!SyntheticStore.supports(connection)) {
                    LOG.info("模拟数据只写入 DuckDB 存储，已跳过 / the synthetic demo province is written to DuckDB stores only; skipped");
                    return;
                }
                var written = SyntheticStore.generate(connection, new GenerateOptions(syntheticAgencies, 2019, 2025, 1, 0.02), done -> { });
                LOG.info("模拟数据 / synthetic demo province: {} agencies, {} reports (names end in （模拟）)", written.agencies(),
                        written.reports());
            }
        }
    }
}
