package app.nianbao.check;

import static app.nianbao.figures.ReportRulesTest.set;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import app.nianbao.Samples;
import app.nianbao.figures.Finding;
import app.nianbao.parse.ParsedReport;
import app.nianbao.parse.ReadOptions;
import app.nianbao.parse.ReportReader;
import app.nianbao.parse.SourceText;

class NarrativeRulesTest {

    static final List<String> REPORTS = Samples.REPORTS;

    private static ParsedReport read(String sample) throws Exception {
        return ReportReader.read(Samples.bytes(sample), sample, ReadOptions.none());
    }

    private static String narrative(ParsedReport report) {
        return NarrativeRules.narrative(SourceText.lines(report.sourceText()));
    }

    @ParameterizedTest
    @FieldSource("REPORTS")
    void the_real_reports_text_agrees_with_their_tables(String sample) throws Exception {
        ParsedReport report = read(sample);

        assertThat(NarrativeRules.textVersusTables(narrative(report), report.figures())).isEmpty();
    }

    @Test
    void r9_fires_when_the_text_says_no_applications_but_table_3_counts_some() throws Exception {
        ParsedReport seed = read(Samples.SEED);
        set(seed.figures(), "t3", "new_received", "total", "3");

        List<Finding> r9 = NarrativeRules.textVersusTables(narrative(seed), seed.figures());

        assertThat(r9).singleElement().satisfies(f -> assertThat(f.message())
                .isEqualTo("正文称「未接到依申请公开」，但表三本年新收申请为 3 件"));
    }

    @Test
    void r9_fires_when_the_stated_number_of_applications_differs_from_table_3() throws Exception {
        ParsedReport shanghai = read("2019_shanghai.html");
        String narrative = narrative(shanghai);
        assertThat(narrative).contains("859");
        set(shanghai.figures(), "t3", "new_received", "total", "858");

        List<Finding> r9 = NarrativeRules.textVersusTables(narrative, shanghai.figures());

        assertThat(r9).isNotEmpty().allSatisfy(f -> {
            assertThat(f.rule()).isEqualTo("R9");
            assertThat(f.message()).contains("859").contains("858");
        });
    }

    @Test
    void r9_fires_when_the_stated_number_of_reviews_differs_from_table_4() throws Exception {
        ParsedReport shanghai = read("2019_shanghai.html");
        String narrative = narrative(shanghai);
        set(shanghai.figures(), "t4", "review", "total", "8");

        List<Finding> r9 = NarrativeRules.textVersusTables(narrative, shanghai.figures());

        assertThat(r9).anySatisfy(f -> assertThat(f.message()).contains("行政复议").contains("总计为 8 件"));
    }

    @Test
    void r11_notes_a_narrative_copied_from_last_year_but_not_a_rewritten_one() throws Exception {
        String pingtan2021 = narrative(read("2021_pingtan.html"));
        String pingtan2023 = narrative(read("2023_pingtan.html"));
        String copied = pingtan2021.replace("2021", "2022");

        assertThat(NarrativeRules.copiedFromPreviousYear(2022, copied, pingtan2021)).satisfies(f -> {
            assertThat(f.rule()).isEqualTo("R11");
            assertThat(f.message()).contains("100%");
        });
        assertThat(NarrativeRules.copiedFromPreviousYear(2022, pingtan2023, pingtan2021)).isNull();
    }
}
