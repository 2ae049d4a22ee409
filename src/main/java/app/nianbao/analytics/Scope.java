package app.nianbao.analytics;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import app.nianbao.agency.AgencyLevel;

/**
 * Which agencies a figure covers: all, chosen agencies, every agency of a level, or a parent
 * with everything below it. Written in links and the API as {@code all}, {@code agency:1,2},
 * {@code level:CITY}, {@code parent:5}.
 */
public sealed interface Scope {

    record All() implements Scope {
    }

    record Agencies(List<Long> ids) implements Scope {
    }

    record Level(AgencyLevel level) implements Scope {
    }

    record Subtree(long root) implements Scope {
    }

    /** Parses the written form; IllegalArgumentException names what is wrong. */
    static Scope parse(String text) {
        if (text == null || text.isBlank() || text.equals("all")) {
            return new All();
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("scope must be all, agency:ID[,ID…], level:LEVEL or parent:ID");
        }
        String kind = text.substring(0, colon);
        String value = text.substring(colon + 1);
        try {
            return switch (kind) {
                case "agency" -> new Agencies(Arrays.stream(value.split(",")).map(String::strip).map(Long::valueOf).toList());
                case "level" -> new Level(AgencyLevel.valueOf(value.toUpperCase(Locale.ROOT)));
                case "parent" -> new Subtree(Long.parseLong(value));
                default -> throw new IllegalArgumentException("unknown scope kind " + kind);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("scope ids are numbers: " + value);
        }
    }
}
