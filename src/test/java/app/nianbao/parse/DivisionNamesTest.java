package app.nianbao.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DivisionNamesTest {

    private final DivisionNames divisions = DivisionNames.get();

    @Test
    void a_county_misread_by_one_lookalike_character_is_corrected_to_the_official_name() {
        assertThat(divisions.corrected("沐阳县人民政府")).contains("沭阳县人民政府");
        assertThat(divisions.corrected("江苏省沐阳县教育局")).contains("江苏省沭阳县教育局");
        assertThat(divisions.corrected("准安市人民政府")).contains("淮安市人民政府");
    }

    @Test
    void official_names_and_names_that_are_no_division_stay_as_printed() {
        assertThat(divisions.corrected("沭阳县人民政府")).isEmpty();
        assertThat(divisions.corrected("上海市人民政府")).isEmpty();
        assertThat(divisions.corrected("浦东新区人民政府")).isEmpty();
        assertThat(divisions.corrected("平潭综合实验区")).isEmpty();
        assertThat(divisions.corrected("高新技术产业开发区管理办公室")).isEmpty();
    }

    @Test
    void characters_that_look_alike_score_above_the_line_and_others_below() {
        assertThat(Glyphs.similarity('沐', '沭')).isGreaterThanOrEqualTo(Glyphs.LOOKALIKE);
        assertThat(Glyphs.similarity('己', '已')).isGreaterThanOrEqualTo(Glyphs.LOOKALIKE);
        assertThat(Glyphs.similarity('沐', '泌')).isLessThan(Glyphs.LOOKALIKE);
        assertThat(Glyphs.similarity('沐', '松')).isLessThan(Glyphs.LOOKALIKE);
    }
}
