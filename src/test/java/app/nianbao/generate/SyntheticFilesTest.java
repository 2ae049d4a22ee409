package app.nianbao.generate;

import static app.nianbao.store.jooq.Tables.AGENCY;
import static app.nianbao.store.jooq.Tables.FINDING;
import static app.nianbao.store.jooq.Tables.REPORT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.nianbao.cli.StoreServices;
import app.nianbao.imports.ImportOutcome;
import app.nianbao.imports.ImportService;
import app.nianbao.imports.ReportFiles;
import app.nianbao.parse.ReadOptions;
import app.nianbao.store.Store;

class SyntheticFilesTest {

    @TempDir
    Path dir;

    @Test
    void generated_files_import_whole_and_the_checks_find_every_injected_defect() throws Exception {
        SyntheticFiles.Written written = SyntheticFiles.generate(dir.resolve("reports"), new GenerateOptions(10, 2019, 2025, 4, 0.3),
                done -> { });
        assertThat(written.files()).isEqualTo(70);
        assertThat(written.errors()).isNotEmpty();

        try (Store store = Store.open(dir.resolve("imported.duckdb"))) {
            ImportService imports = StoreServices.over(store.dsl()).imports();
            for (Path file : ReportFiles.under(List.of(dir.resolve("reports")))) {
                assertThat(imports.importFile(file, ReadOptions.none()).status()).as(file.toString())
                        .isEqualTo(ImportOutcome.Status.IMPORTED);
            }
            assertThat(store.dsl().fetchCount(REPORT)).isEqualTo(70);
            for (InjectedError error : written.errors()) {
                List<String> rules = store.dsl().select(FINDING.RULE).from(FINDING).join(REPORT).on(REPORT.ID.eq(FINDING.REPORT_ID))
                        .join(AGENCY).on(AGENCY.ID.eq(REPORT.AGENCY_ID))
                        .where(AGENCY.NAME.eq(error.agency()), REPORT.YEAR.eq(error.year())).fetch(FINDING.RULE);
                assertThat(rules).as(error.toString()).contains(switch (error.kind()) {
                    case BLANK -> "R8";
                    case CARRY_OVER_BREAK -> "R5";
                    case CHANGED_CELL -> "R2";
                });
            }
        }
    }
}
