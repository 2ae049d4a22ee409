package app.nianbao.agency;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import app.nianbao.catalog.AgencyLevel;

/**
 * Which deadline of the Regulations (政府信息公开条例 2019, art. 49) an agency's annual report
 * falls under: a government — its information-disclosure office publishing the government's
 * report — by 31 March of the following year, a department by 31 January ({@link Deadlines}).
 */
public enum AgencyKind {
    GOVERNMENT, DEPARTMENT;

    /**
     * Names that end as a government's or a body acting as one (管委会 of a zone, 综合实验区); the
     * offices of a government (人民政府办公厅) are departments.
     */
    private static final Pattern GOVERNMENT_NAME = Pattern.compile("(人民政府|管委会|管理委员会|综合实验区|管理办公室|行政公署)$");
    /** A note in brackets after the name, such as （模拟）. */
    private static final Pattern NOTE = Pattern.compile("\\s*[（(][^（()）]*[)）]\\s*$");

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of this code ({@code government}, {@code department}), if it is one. */
    public static Optional<AgencyKind> ofCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
    }

    /** Inferred from the level and the name: a department by its level or, failing a government's name, by default. */
    public static AgencyKind of(String name, AgencyLevel level) {
        if (level == AgencyLevel.DEPARTMENT) {
            return DEPARTMENT;
        }
        return name != null && GOVERNMENT_NAME.matcher(NOTE.matcher(name.strip()).replaceAll("")).find() ? GOVERNMENT : DEPARTMENT;
    }
}
