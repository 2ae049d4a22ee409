package app.nianbao.report;


import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QualityScoreTest {

    @Test
    void a_clean_report_scores_100_and_each_defect_costs_its_documented_weight() {
        assertThat(QualityScore.of(0, 0, 0, 0)).isEqualTo(100);
        assertThat(QualityScore.of(1, 2, 3, 4)).isEqualTo(100 - 10 - 4 - 3 - 4);
    }

    @Test
    void blank_cells_cost_at_most_30_and_the_score_never_goes_below_0() {
        assertThat(QualityScore.of(0, 0, 135, 0)).isEqualTo(70);
        assertThat(QualityScore.of(20, 0, 0, 0)).isZero();
    }
}
