package app.nianbao.agency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgencyNamesTest {

    @Test
    void a_name_with_invisible_or_control_characters_is_the_same_agency_as_without() {
        String plain = AgencyNames.normalize("平潭综合实验区");
        assertThat(AgencyNames.normalize("平潭\u200B综合实验区")).isEqualTo(plain);
        assertThat(AgencyNames.normalize("平潭综合\u202E实验区")).isEqualTo(plain);
        assertThat(AgencyNames.normalize("\u001B[31m平潭综合实验区\u001B[0m")).isEqualTo(plain);
        assertThat(AgencyNames.normalize("\uFEFF平潭综合实验区\u2066")).isEqualTo(plain);
    }

    @Test
    void what_is_stored_and_shown_carries_no_invisible_character() {
        assertThat(AgencyNames.display("平潭\u200B综合\u202E实验区\u0007\u001B[2J")).isEqualTo("平潭综合实验区");
    }

    @Test
    void full_width_letters_and_digits_fold_for_matching() {
        assertThat(AgencyNames.normalize("第１中学")).isEqualTo(AgencyNames.normalize("第1中学"));
    }
}
