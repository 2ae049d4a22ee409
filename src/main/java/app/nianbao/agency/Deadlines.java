package app.nianbao.agency;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import app.nianbao.catalog.AgencyLevel;

/**
 * The deadlines the publication register holds agencies to: the Regulations' by default
 * (government 31 March, department 31 January of the following year), each overridable in
 * configuration, and local rules — an agency whose name matches a pattern falls under another
 * kind or another day ({@code nianbao.publication.local[0].name-pattern=街道办事处$},
 * {@code …kind=government}, {@code …deadline=04-30}). A kind set on the agency itself (by a user
 * or a roster) outranks both the name and the local rules' kind.
 */
@ConfigurationProperties("nianbao.publication")
public final class Deadlines {

    /** Agencies whose name matches {@code namePattern} (a regular expression) fall under this kind and/or day. */
    public record LocalRule(String namePattern, AgencyKind kind, String deadline) {
    }

    /** The rule an agency is held to for a year's report. */
    public record Rule(AgencyKind kind, LocalDate deadline) {
    }

    /** A local rule read: its pattern compiled and its day parsed once, not per agency. */
    private record Local(Pattern name, AgencyKind kind, MonthDay day) {
    }

    private final MonthDay government;
    private final MonthDay department;
    private final List<Local> local;

    /** Settings that cannot be read stop the start with the setting's name. */
    public Deadlines(@DefaultValue("03-31") String government, @DefaultValue("01-31") String department,
                     @DefaultValue List<LocalRule> local) {
        this.government = day("nianbao.publication.government", government);
        this.department = day("nianbao.publication.department", department);
        List<Local> rules = new ArrayList<>();
        List<LocalRule> given = local == null ? List.of() : local;
        for (int i = 0; i < given.size(); i++) {
            LocalRule rule = given.get(i);
            String key = "nianbao.publication.local[" + i + "]";
            if (rule.namePattern() == null || rule.namePattern().isBlank()) {
                throw new IllegalArgumentException(key + ".name-pattern 未设置 / is not set");
            }
            try {
                rules.add(new Local(Pattern.compile(rule.namePattern()), rule.kind(),
                        rule.deadline() == null ? null : day(key + ".deadline", rule.deadline())));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(key + ".name-pattern 不是正则表达式 / is not a regular expression: " + e.getDescription());
            }
        }
        this.local = List.copyOf(rules);
    }

    /** The Regulations' deadlines, with no local rule. */
    public static Deadlines statutory() {
        return new Deadlines("03-31", "01-31", List.of());
    }

    /** The rule for an agency of this name and level, whose kind a user or roster may have set ({@code null}: not set). */
    public Rule of(String name, AgencyLevel level, AgencyKind set, int year) {
        Local rule = name == null ? null : local.stream().filter(r -> r.name().matcher(name).find()).findFirst().orElse(null);
        AgencyKind kind = set != null ? set : rule != null && rule.kind() != null ? rule.kind() : AgencyKind.of(name, level);
        MonthDay day = rule != null && rule.day() != null ? rule.day() : kind == AgencyKind.GOVERNMENT ? government : department;
        return new Rule(kind, day.atYear(year + 1));
    }

    /** A day of the year written {@code MM-DD}. */
    private static MonthDay day(String key, String text) {
        try {
            return MonthDay.parse("--" + text.strip());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException(key + " 应写作 月-日，如 03-31 / should be month-day, e.g. 03-31: " + text);
        }
    }
}
