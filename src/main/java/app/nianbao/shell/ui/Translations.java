package app.nianbao.shell.ui;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import com.vaadin.flow.i18n.I18NProvider;
import org.springframework.stereotype.Component;

import app.nianbao.catalog.Codebook;

/**
 * Every label the UI shows, Chinese first and English on the toggle. Interface texts come from
 * {@code vaadin-i18n/translations*.properties}; keys starting with {@code cell.} are the row and
 * column labels of the official template, read from codes.csv so they exist in one place only.
 */
@Component
public class Translations implements I18NProvider {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    private static final String CELL = "cell.";

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(CHINESE, ENGLISH);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        boolean english = isEnglish(locale);
        if (key.startsWith(CELL)) {
            Codebook.Label label = Codebook.get().label(key.substring(CELL.length()));
            return english ? label.en() : label.zh();
        }
        try {
            String pattern = ResourceBundle.getBundle("vaadin-i18n/translations", english ? ENGLISH : Locale.ROOT,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, locale).format(params);
        } catch (MissingResourceException e) {
            return "!" + key;
        }
    }

    public static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
