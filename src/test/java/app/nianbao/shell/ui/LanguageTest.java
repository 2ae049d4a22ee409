package app.nianbao.shell.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import org.junit.jupiter.api.Test;

import app.nianbao.KaribuTestBase;

class LanguageTest extends KaribuTestBase {

    private static final Pattern CJK = Pattern.compile("[\\x{4e00}-\\x{9fff}]");
    private static final Pattern MISSING_KEY = Pattern.compile("![a-z0-9-]+\\.[a-z0-9.-]+");
    /** The overview last: it is already open in Chinese, and a view is built anew only when navigated to from another. */
    private static final List<String> ROUTES = List.of("volumes", "outcomes", "review", "compare", "quality", "reports",
            "import", "agencies", "users", "");

    @Test
    void the_product_opens_in_chinese() {
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Translations.CHINESE);
        UI.getCurrent().navigate("volumes");
        assertThat(_get(H2.class).getText()).isEqualTo("申请量");
    }

    @Test
    void the_toggle_switches_the_session_to_english_and_back() {
        Language.toggle();
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Translations.ENGLISH);
        assertThat(Language.english()).isTrue();
        Language.toggle();
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Translations.CHINESE);
    }

    @Test
    void in_english_every_view_has_an_english_title_and_no_missing_translation() {
        UI.getCurrent().setLocale(Translations.ENGLISH);
        for (String route : ROUTES) {
            UI.getCurrent().navigate(route);
            String title = _get(H2.class).getText();
            assertThat(title).as("/" + route).doesNotContainPattern(CJK);
            String page = UI.getCurrent().getElement().getOuterHTML();
            assertThat(MISSING_KEY.matcher(page).results().map(m -> m.group()).toList()).as("/" + route).isEmpty();
        }
    }

    @Test
    void row_and_column_labels_of_the_template_come_from_codes_csv_in_english() {
        Translations translations = new Translations();
        assertThat(translations.getTranslation("cell.t3.row.granted", Translations.ENGLISH)).isEqualTo("Granted");
        assertThat(translations.getTranslation("cell.t3.row.granted", Translations.CHINESE)).isEqualTo("三(一)予以公开");
    }
}
