package app.nianbao.shell.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.UI;

import app.nianbao.catalog.AgencyLevel;
import app.nianbao.catalog.CellCode;
import app.nianbao.catalog.Codebook;
import app.nianbao.figures.Finding;
import app.nianbao.figures.ReviewStatus;
import app.nianbao.parse.ScanImage;

/**
 * Labels of domain things (template cells, levels, reviews, findings) in the language
 * of the current UI. The domain keeps its Chinese names; English comes from the translations.
 */
public final class Labels {

    private Labels() {
    }

    public static String label(Codebook.Label label) {
        return Language.english() ? label.en() : label.zh();
    }

    public static String level(AgencyLevel level) {
        return level == null ? text("level.none") : text("level." + level.name());
    }

    public static String review(ReviewStatus status) {
        return text("review." + status.name());
    }

    public static String severity(String code) {
        return text("severity." + code);
    }

    /** A finding as the reader of the UI should see it, in the chosen language. */
    public static String finding(Finding f) {
        return f.text(Language.english());
    }

    /** A cell of the template in words, in the chosen language: "New applications received / Natural persons". */
    public static String cell(CellCode cell) {
        return Codebook.get().cellName(cell, Language.english());
    }

    /** A stored number as printed, or 空白 / blank: a blank is never shown as a zero. */
    public static String numberOrBlank(BigDecimal value) {
        return value == null ? text("import.blank") : plain(value);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** What the collector saw at the source after publication, in words with their dates: changed, withdrawn. */
    public static List<String> sourceMarks(LocalDate changedOn, LocalDate withdrawnOn) {
        List<String> marks = new ArrayList<>();
        if (changedOn != null) {
            marks.add(text("report.mark.changed", changedOn.toString()));
        }
        if (withdrawnOn != null) {
            marks.add(text("report.mark.withdrawn", withdrawnOn.toString()));
        }
        return marks;
    }

    /** A translated interface text, for code without a component at hand (static chart builders). */
    public static String text(String key, Object... params) {
        return UI.getCurrent().getTranslation(key, params);
    }

    /** A message of the services written for both readers ("存储失败 / the store refused the report: …"), in the chosen language. */
    public static String inLanguage(String message) {
        return bilingual(message, Language.english());
    }

    /**
     * The half of a "中文 / English" message for one language. The services write their messages
     * so, for the command line's readers of both; a detail after the English half's colon (a file,
     * the store's own words) belongs to both halves. Text of any other shape is left as it is.
     */
    static String bilingual(String message, boolean english) {
        if (message == null) {
            return null;
        }
        for (int split = message.indexOf(" / "); split > 0; split = message.indexOf(" / ", split + 3)) {
            String zh = message.substring(0, split);
            String en = message.substring(split + 3);
            if (!hasHan(zh) || en.isEmpty() || !isAsciiLetter(en.charAt(0))) {
                continue;
            }
            int colon = en.indexOf(": ");
            if (colon < 0) {
                return english ? en : zh;
            }
            String detail = bilingual(en.substring(colon + 2), english);
            return english ? en.substring(0, colon) + ": " + detail : zh + "：" + detail;
        }
        return message;
    }

    private static boolean hasHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static boolean isAsciiLetter(char c) {
        return c < 128 && Character.isLetter(c);
    }

    /** What OCR made of the cell: the page, and for a number what it read and how sure it was, or that only the row is known. */
    public static String scanReading(ScanImage.Box b) {
        if (b.width() >= 1) {
            return text("report.scan.row-only", b.page());
        }
        if (b.confidence() == null) {
            return text("report.scan.cell", b.page());
        }
        return text("report.scan.read-as", b.page(), b.readAs() == null || b.readAs().isEmpty() ? "—" : b.readAs(),
                b.confidence());
    }
}
