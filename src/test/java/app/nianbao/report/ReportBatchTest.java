package app.nianbao.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.nianbao.SpringTestBase;
import app.nianbao.catalog.Template;
import app.nianbao.figures.Cell;
import app.nianbao.figures.Figures;

class ReportBatchTest extends SpringTestBase {

    @Autowired
    DSLContext dsl;

    @Autowired
    ReportService reports;

    @Test
    void the_rules_read_the_same_values_and_kinds_from_the_wide_rows_as_from_every_cell_row() {
        List<ReportService.ReportRef> current = reports.currentRefs((Long) null);
        List<ReportBatch.Stored> stored = current.stream()
                .map(r -> new ReportBatch.Stored(r.reportId(), r.agencyId(), r.year(), 0, Template.ofCode(r.template()))).toList();
        ReportBatch batch = new ReportBatch(dsl);

        Map<Long, Figures> fast = batch.currentFigures(stored);
        Map<Long, Figures> full = batch.figures(stored);

        assertThat(fast.keySet()).isEqualTo(full.keySet()).isNotEmpty();
        for (Long id : full.keySet()) {
            for (Cell cell : full.get(id).cells()) {
                Cell read = fast.get(id).cell(cell.code());
                assertThat(read.kind()).as("%s %s", id, cell.code()).isEqualTo(cell.kind());
                if (cell.kind() != app.nianbao.figures.CellKind.NUMBER) {
                    // what the blank-cell and text findings say about the cell
                    assertThat(read.raw()).isEqualTo(cell.raw());
                    assertThat(read.source()).isEqualTo(cell.source());
                }
                if (cell.value() == null) {
                    assertThat(read.value()).as("%s %s", id, cell.code()).isNull();
                } else {
                    assertThat(read.value()).as("%s %s", id, cell.code()).isEqualByComparingTo(cell.value());
                }
            }
        }
    }
}
