package app.nianbao.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;


/**
 * Which agencies a figure covers: all, chosen agencies, every agency of a level, or a parent
 * with everything below it. Written in links and the API as {@code all}, {@code agency:1,2},
 * {@code level:CITY}, {@code parent:5}, {@code region:S01}, {@code group:2}.
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

    /** Every agency whose region code starts with the given one (a province's code covers its cities). */
    record Region(String codePrefix) implements Scope {
    }

    /** The agencies of a saved group. */
    record Group(long id) implements Scope {
    }

    /** The written form, as parse reads it. */
    default String written() {
        if (this instanceof Agencies a) {
            return "agency:" + a.ids().stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        if (this instanceof Level l) {
            return "level:" + l.level().name();
        }
        if (this instanceof Subtree t) {
            return "parent:" + t.root();
        }
        if (this instanceof Region r) {
            return "region:" + r.codePrefix();
        }
        if (this instanceof Group g) {
            return "group:" + g.id();
        }
        return "all";
    }

    /** Parses the written form; IllegalArgumentException names what is wrong. */
    static Scope parse(String text) {
        if (text == null || text.isBlank() || text.equals("all")) {
            return new All();
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("scope must be all, agency:ID[,ID…], level:LEVEL, parent:ID, region:CODE or group:ID");
        }
        String kind = text.substring(0, colon);
        String value = text.substring(colon + 1);
        try {
            return switch (kind) {
                case "agency" -> new Agencies(Arrays.stream(value.split(",")).map(String::strip).map(Long::valueOf).toList());
                case "level" -> new Level(Arrays.stream(AgencyLevel.values()).filter(l -> l.name().equalsIgnoreCase(value.strip()))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown level " + value + "; levels are "
                                + Arrays.toString(AgencyLevel.values()))));
                case "parent" -> new Subtree(Long.parseLong(value));
                case "region" -> new Region(value.strip());
                case "group" -> new Group(Long.parseLong(value));
                default -> throw new IllegalArgumentException("unknown scope kind " + kind);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("scope ids are numbers: " + value);
        }
    }
}
