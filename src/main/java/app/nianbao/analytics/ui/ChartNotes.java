package app.nianbao.analytics.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.context.annotation.Scope;

import app.nianbao.analytics.NoteService;
import app.nianbao.analytics.NoteService.Note;
import app.nianbao.catalog.Metric;
import app.nianbao.security.Role;
import app.nianbao.shell.ui.ChartCard;

/**
 * The analysts' notes on a view's charts: which card draws which metrics over which years, the
 * notes of the view's scope (and of each agency drawn as a line of its own) read once per
 * view, and "add a note" on every card for those who may write one.
 */
@SpringComponent
@Scope("prototype")
class ChartNotes {

    private final NoteService notes;
    private final boolean mayWrite;
    private final Map<ChartCard, Drawn> drawn = new LinkedHashMap<>();

    /** What a card draws: its label years and the metrics its points are of. */
    private record Drawn(List<Integer> years, Set<Metric> metrics) {
    }

    ChartNotes(NoteService notes, AuthenticationContext authentication) {
        this.notes = notes;
        this.mayWrite = authentication.hasRole(Role.ANALYST.name());
    }

    /** Forgets what the cards drew before a view draws them again. */
    void clear() {
        drawn.clear();
    }

    /** The card draws these metrics over these label years (called again, it draws more metrics). */
    void drawn(ChartCard card, List<Integer> years, Metric... metrics) {
        Set<Metric> all = new LinkedHashSet<>(drawn.containsKey(card) ? drawn.get(card).metrics() : Set.of());
        all.addAll(List.of(metrics));
        drawn.put(card, new Drawn(List.copyOf(years), all));
    }

    /**
     * Puts the notes on every card that drew something: one query for the whole view. A note on an
     * agency drawn as its own line among several says whose it is.
     */
    void show(FilterBar filters, Runnable afterWrite) {
        if (drawn.isEmpty()) {
            return;
        }
        Map<String, String> subjects = subjects(filters);
        Set<Metric> metrics = new LinkedHashSet<>();
        drawn.values().forEach(d -> metrics.addAll(d.metrics()));
        List<Note> all = notes.forCharts(subjects.keySet(), metrics, filters.from(), filters.to());
        drawn.forEach((card, d) -> {
            List<ChartCard.Annotation> on = new ArrayList<>();
            all.stream().filter(n -> d.metrics().stream().anyMatch(n::about))
                    .forEach(n -> on.add(new ChartCard.Annotation(n.year(), text(n, filters.scope()))));
            card.annotate(d.years(), on);
            if (mayWrite) {
                card.onAddNote(() -> new NoteDialog(notes, filters.scope(), filters.scopeLabel(), d.years(), List.copyOf(d.metrics()),
                        afterWrite).open());
            }
        });
    }

    /** The view's scope, and each chosen agency when several are drawn one line each. */
    private static Map<String, String> subjects(FilterBar filters) {
        Map<String, String> subjects = new LinkedHashMap<>();
        subjects.put(filters.scope(), filters.scopeLabel());
        List<Long> chosen = filters.chosenAgencies();
        if (chosen.size() > 1) {
            chosen.forEach(id -> subjects.put(new app.nianbao.catalog.Scope.Agencies(List.of(id)).written(), filters.agencyName(id)));
        }
        return subjects;
    }

    /** "机构改革，两局合并 — li.analyst，2026-12-07", naming the agency when the note is about one of several lines. */
    private static String text(Note n, String scope) {
        String whose = n.subject().equals(scope) ? "" : n.subjectLabel() + "：";
        return "%s%s — %s, %s".formatted(whose, n.body(), n.createdBy(), n.createdAt().toLocalDate());
    }
}
