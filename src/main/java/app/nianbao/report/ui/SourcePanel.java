package app.nianbao.report.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;

import app.nianbao.parse.SourceText;
import app.nianbao.shell.ui.Labels;

/** The text the reader saw, line by line, with one line highlighted on demand. */
class SourcePanel extends Div {

    private final List<Element> lines = new ArrayList<>();
    private Element highlighted;

    SourcePanel(String text) {
        addClassName("source-text");
        // it scrolls on its own, so the keyboard must be able to reach it to scroll it
        getElement().setAttribute("tabindex", "0");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-label", Labels.text("report.source"));
        List<String> source = SourceText.lines(text == null ? "" : text);
        for (int i = 0; i < source.size(); i++) {
            Element line = new Element("div").setText("%4d  %s".formatted(i + 1, source.get(i)));
            lines.add(line);
            getElement().appendChild(line);
        }
    }

    /** Highlights the line a cell's source names and scrolls it into view; false when it names none. */
    boolean highlight(String source) {
        int n = SourceText.lineNumber(source);
        if (highlighted != null) {
            highlighted.removeAttribute("class");
        }
        if (n < 1 || n > lines.size()) {
            highlighted = null;
            return false;
        }
        highlighted = lines.get(n - 1);
        highlighted.setAttribute("class", "highlight");
        highlighted.executeJs("this.scrollIntoView({block: 'center'})");
        return true;
    }
}
