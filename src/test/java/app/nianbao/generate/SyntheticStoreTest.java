package app.nianbao.generate;

import static app.nianbao.store.jooq.Tables.AGENCY;
import static app.nianbao.store.jooq.Tables.CURRENT_CELLS;
import static app.nianbao.store.jooq.Tables.FIGURE;
import static app.nianbao.store.jooq.Tables.FINDING;
import static app.nianbao.store.jooq.Tables.REPORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.nianbao.catalog.Template;
import app.nianbao.cli.StoreServices;
import app.nianbao.figures.Cell;
import app.nianbao.report.ReportService;
import app.nianbao.store.Store;

class SyntheticStoreTest {

    @TempDir
    Path dir;

    private SyntheticStore.Written generate(Store store, int agencies, long seed, double errorRate) throws Exception {
        return SyntheticStore.generate(store.connection(), new GenerateOptions(agencies, 2019, 2025, seed, errorRate), done -> { });
    }

    @Test
    void generated_reports_satisfy_every_identity_so_the_checks_find_nothing() throws Exception {
        try (Store store = Store.open(dir.resolve("clean.duckdb"))) {
            SyntheticStore.Written written = generate(store, 300, 7, 0);

            assertThat(written.agencies()).isEqualTo(300);
            assertThat(written.reports()).isEqualTo(2100);
            assertThat(store.dsl().fetchCount(REPORT)).isEqualTo(2100);
            assertThat(store.dsl().fetchCount(CURRENT_CELLS)).isEqualTo(2100);
            assertThat(store.dsl().fetchCount(FINDING, FINDING.SEVERITY.in("error", "warning"))).isZero();
            assertThat(store.dsl().fetchCount(FIGURE)).isEqualTo((int) written.figures());
        }
    }

    @Test
    void every_injected_defect_is_found_by_the_checks_on_its_report() throws Exception {
        try (Store store = Store.open(dir.resolve("spoiled.duckdb"))) {
            SyntheticStore.Written written = generate(store, 200, 11, 0.2);

            assertThat(written.errors()).hasSizeGreaterThan(100);
            for (InjectedError error : written.errors()) {
                List<String> rules = store.dsl().select(FINDING.RULE).from(FINDING).join(REPORT).on(REPORT.ID.eq(FINDING.REPORT_ID))
                        .join(AGENCY).on(AGENCY.ID.eq(REPORT.AGENCY_ID))
                        .where(AGENCY.NAME.eq(error.agency()), REPORT.YEAR.eq(error.year())).fetch(FINDING.RULE);
                String expected = switch (error.kind()) {
                    case BLANK -> "R8";
                    case CARRY_OVER_BREAK -> "R5";
                    case CHANGED_CELL -> "R2";
                };
                assertThat(rules).as(error.toString()).contains(expected);
            }
        }
    }

    @Test
    void the_stored_cells_are_the_generated_ones_and_the_same_seed_gives_the_same_data() throws Exception {
        GenerateOptions options = new GenerateOptions(40, 2019, 2025, 3, 0.1);
        List<GeneratedAgency> generated = new ArrayList<>();
        new Generator(options).forEach(generated::add);
        try (Store store = Store.open(dir.resolve("same.duckdb"))) {
            SyntheticStore.generate(store.connection(), options, done -> { });
            ReportService reports = StoreServices.over(store.dsl()).reports();
            for (GeneratedAgency agency : generated) {
                for (int i = 0; i < agency.reports().size(); i++) {
                    var stored = reports.current(store.dsl().select(AGENCY.ID).from(AGENCY).where(AGENCY.NAME.eq(agency.agency().name()))
                            .fetchOne(AGENCY.ID), 2019 + i).orElseThrow();
                    var figures = reports.figures(stored.reportId(), Template.ofCode(stored.template()));
                    for (Cell cell : agency.reports().get(i).cells()) {
                        var read = figures.cell(cell.code());
                        assertThat(read.value() == null ? null : read.value().stripTrailingZeros())
                                .as("%s %d %s", agency.agency().name(), 2019 + i, cell.code())
                                .isEqualTo(cell.value() == null ? null : cell.value().stripTrailingZeros());
                        assertThat(read.kind()).isEqualTo(cell.kind());
                    }
                }
            }
        }
        try (Store again = Store.open(dir.resolve("again.duckdb"))) {
            SyntheticStore.generate(again.connection(), options, done -> { });
            try (Store first = Store.open(dir.resolve("same.duckdb"))) {
                var total = DSL.sum(CURRENT_CELLS.T3__NEW_RECEIVED__TOTAL);
                assertThat(again.dsl().select(total).from(CURRENT_CELLS).fetchOne(total))
                        .isEqualTo(first.dsl().select(total).from(CURRENT_CELLS).fetchOne(total));
            }
        }
    }

    @Test
    void the_hierarchy_is_marked_synthetic_and_shaped_like_an_administration() throws Exception {
        try (Store store = Store.open(dir.resolve("shape.duckdb"))) {
            generate(store, 6000, 5, 0);
            assertThat(store.dsl().fetchCount(AGENCY, AGENCY.SYNTHETIC.isFalse().or(AGENCY.NAME.notLike("%（模拟）")))).isZero();
            assertThat(store.dsl().selectDistinct(AGENCY.LEVEL).from(AGENCY).fetch(AGENCY.LEVEL))
                    .contains("NATIONAL", "PROVINCE", "CITY", "COUNTY", "TOWNSHIP", "DEPARTMENT");
            assertThat(store.dsl().fetchCount(AGENCY, AGENCY.PARENT_ID.isNull().and(AGENCY.LEVEL.notIn("NATIONAL", "PROVINCE"))))
                    .isZero();
            // heavy-tailed: most units receive a handful of applications, a few thousands
            var median = DSL.percentileCont(0.5).withinGroupOrderBy(CURRENT_CELLS.T3__NEW_RECEIVED__TOTAL);
            assertThat(store.dsl().select(median).from(CURRENT_CELLS).fetchOne(0, Double.class)).isLessThan(20);
            assertThat(store.dsl().select(DSL.max(CURRENT_CELLS.T3__NEW_RECEIVED__TOTAL)).from(CURRENT_CELLS).fetchOne(0, Double.class))
                    .isGreaterThan(1000);
            assertThatThrownBy(() -> generate(store, 10, 5, 0)).hasMessageContaining("已有模拟机构");
        }
    }
}
