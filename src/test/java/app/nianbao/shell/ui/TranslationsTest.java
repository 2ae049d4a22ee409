package app.nianbao.shell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class TranslationsTest {

    private final Translations translations = new Translations();

    @Test
    void english_counts_take_the_singular_for_one_and_the_plural_otherwise() {
        assertThat(translations.getTranslation("compare.summary", Translations.ENGLISH, 1, "50.0%", 0, ""))
                .isEqualTo("1 agency, pooled rate 50.0%; 0 outside the 99.8 % limits.");
        assertThat(translations.getTranslation("compare.summary", Translations.ENGLISH, 2345, "50.0%", 3, ""))
                .startsWith("2,345 agencies,");
        assertThat(translations.getTranslation("import.confirm", Translations.ENGLISH, 1)).isEqualTo("Import the one confirmed file");
        assertThat(translations.getTranslation("import.confirm", Translations.ENGLISH, 0)).isEqualTo("Nothing confirmed to import");
        assertThat(translations.getTranslation("import.confirm", Translations.ENGLISH, 12)).isEqualTo("Import 12 confirmed files");
    }

    @Test
    void every_text_has_both_languages() throws IOException {
        assertThat(keys("translations_en.properties")).isEqualTo(keys("translations.properties"));
    }

    private static java.util.Set<String> keys(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream("/vaadin-i18n/" + file)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p.stringPropertyNames();
    }
}
