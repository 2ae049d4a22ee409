package app.nianbao.shell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void a_message_for_both_readers_is_shown_in_the_chosen_language_only() {
        String both = "文件是图片，没有可读取的文字 / the file is an image with no text to read";

        assertThat(Labels.bilingual(both, false)).isEqualTo("文件是图片，没有可读取的文字");
        assertThat(Labels.bilingual(both, true)).isEqualTo("the file is an image with no text to read");
    }

    @Test
    void the_detail_after_the_english_colon_belongs_to_both_halves_and_is_itself_split() {
        String nested = "存储失败 / the store refused the report: 机构不存在 / no such agency";
        String raw = "无法读取文件 / cannot read the file: /tmp/a b.pdf (No such file)";

        assertThat(Labels.bilingual(nested, false)).isEqualTo("存储失败：机构不存在");
        assertThat(Labels.bilingual(nested, true)).isEqualTo("the store refused the report: no such agency");
        assertThat(Labels.bilingual(raw, false)).isEqualTo("无法读取文件：/tmp/a b.pdf (No such file)");
        assertThat(Labels.bilingual(raw, true)).isEqualTo("cannot read the file: /tmp/a b.pdf (No such file)");
    }

    @Test
    void text_of_any_other_shape_is_left_as_it_is() {
        assertThat(Labels.bilingual("2019 / 2020", true)).isEqualTo("2019 / 2020");
        assertThat(Labels.bilingual("平潭 / 上海", false)).isEqualTo("平潭 / 上海");
        assertThat(Labels.bilingual(null, false)).isNull();
    }
}
