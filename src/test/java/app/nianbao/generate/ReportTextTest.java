package app.nianbao.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.nianbao.figures.Cell;
import app.nianbao.figures.Severity;
import app.nianbao.parse.ParsedReport;
import app.nianbao.parse.ReadOptions;
import app.nianbao.parse.ReportReader;

class ReportTextTest {

    @Test
    void a_generated_report_written_out_reads_back_cell_for_cell_as_text_and_html_in_both_templates_blanks_included() throws Exception {
        List<GeneratedAgency> agencies = new ArrayList<>();
        new Generator(new GenerateOptions(30, 2019, 2025, 9, 0.2)).forEach(agencies::add);
        for (GeneratedAgency agency : agencies) {
            for (int i = 0; i < agency.reports().size(); i++) {
                int year = 2019 + i;
                // every other report as a web page: both formats an --out folder holds
                boolean asHtml = i % 2 == 1;
                app.nianbao.parse.Published published = SyntheticStore.published(agency.agency(), year, 9);
                String text = asHtml ? ReportText.html(agency.agency().name(), year, agency.reports().get(i), published)
                        : ReportText.render(agency.agency().name(), year, agency.reports().get(i), published);
                ParsedReport read = ReportReader.read(text.getBytes(StandardCharsets.UTF_8), asHtml ? "r.html" : "r.txt",
                        ReadOptions.none());

                assertThat(read.year()).isEqualTo(year);
                assertThat(read.agency()).isEqualTo(agency.agency().name());
                // the page's PubDate meta, or the sign-off under the text; none where the generator gave none
                assertThat(read.published()).isEqualTo(published == null ? null : new app.nianbao.parse.Published(published.on(),
                        asHtml ? app.nianbao.parse.Published.Source.PAGE_META : app.nianbao.parse.Published.Source.TEXT));
                assertThat(read.figures().template()).isEqualTo(agency.reports().get(i).template());
                boolean spoiled = agency.errors().stream().anyMatch(e -> e.year() == year);
                if (!spoiled) {
                    assertThat(read.findings()).filteredOn(f -> f.severity() != Severity.INFO).as(text).isEmpty();
                }
                for (Cell cell : agency.reports().get(i).cells()) {
                    var value = read.figures().cell(cell.code()).value();
                    assertThat(value == null ? null : value.stripTrailingZeros()).as("%s %d %s", agency.agency().name(), year, cell.code())
                            .isEqualTo(cell.value() == null ? null : cell.value().stripTrailingZeros());
                }
            }
        }
    }
}
