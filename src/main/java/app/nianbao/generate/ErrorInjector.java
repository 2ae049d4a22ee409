package app.nianbao.generate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import app.nianbao.catalog.CellCode;
import app.nianbao.figures.Cell;
import app.nianbao.figures.Figures;

/** Spoils a known fraction of generated reports with one defect each, and says which. */
final class ErrorInjector {

    private static final List<CellCode> BLANKABLE = List.of(new CellCode("t3", "total_processed", "total"),
            new CellCode("t3", "granted", "natural"), new CellCode("t4", "review", "total"));
    private static final List<String> COLUMNS = List.of("natural", "commercial", "research", "social", "legal", "other_org");

    private final Random random;
    private final double rate;

    ErrorInjector(Random random, double rate) {
        this.random = random;
        this.rate = rate;
    }

    Optional<InjectedError> maybeSpoil(String agency, int year, Figures figures, boolean hasPreviousYear) {
        if (rate <= 0 || random.nextDouble() >= rate) {
            return Optional.empty();
        }
        InjectedError.Kind kind = InjectedError.Kind.values()[random.nextInt(hasPreviousYear ? 3 : 2)];
        CellCode code = switch (kind) {
            case CHANGED_CELL -> new CellCode("t3", random.nextBoolean() ? "granted" : "unable_not_held", column());
            case BLANK -> BLANKABLE.get(random.nextInt(BLANKABLE.size()));
            case CARRY_OVER_BREAK -> new CellCode("t3", "carried_over", column());
        };
        Cell original = figures.cell(code);
        BigDecimal spoiled = kind == InjectedError.Kind.BLANK ? null : original.value().add(BigDecimal.valueOf(1 + random.nextInt(9)));
        figures.put(spoiled == null ? Cell.missing(code, null) : Cell.number(code, spoiled, null, null));
        return Optional.of(new InjectedError(agency, year, kind, code.toString(), original.value(), spoiled));
    }

    private String column() {
        return COLUMNS.get(random.nextInt(2) == 0 ? 0 : random.nextInt(COLUMNS.size()));
    }
}
