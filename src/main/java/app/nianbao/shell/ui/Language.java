package app.nianbao.shell.ui;

import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.stereotype.Component;

/**
 * Chinese unless the person chose English in this session. The browser's language is ignored on
 * purpose: the product is Chinese first, and an English browser must not flip it.
 */
@Component
public class Language implements VaadinServiceInitListener {

    private static final String CHOICE = Language.class.getName();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            Locale locale = chosen(init.getUI().getSession());
            init.getUI().setLocale(locale);
            // screen readers and the browser's own hyphenation and fonts follow the page's language
            init.getUI().getPage().executeJs("document.documentElement.lang = $0", Translations.isEnglish(locale) ? "en" : "zh-CN");
        });
    }

    public static boolean english() {
        return Translations.isEnglish(UI.getCurrent().getLocale());
    }

    /** Switches language and reloads the page, so every label is built again in it. */
    public static void toggle() {
        UI ui = UI.getCurrent();
        Locale next = english() ? Translations.CHINESE : Translations.ENGLISH;
        ui.getSession().setAttribute(CHOICE, next);
        ui.setLocale(next);
        ui.getPage().reload();
    }

    private static Locale chosen(VaadinSession session) {
        Object choice = session.getAttribute(CHOICE);
        return choice instanceof Locale locale ? locale : Translations.CHINESE;
    }
}
