package app.nianbao.analytics.ui;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

import app.nianbao.analytics.NoteService;
import app.nianbao.analytics.NoteService.Note;
import app.nianbao.catalog.Metric;
import app.nianbao.security.Role;

/**
 * 注释: every analyst's note, newest first, searchable by text, subject, author or year (the
 * search kept in the link), each with a link to the chart it is drawn on.
 */
@Route("notes")
@RolesAllowed("VIEWER")
class NotesView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    /** A year's note is shown in a window of years around it. */
    private static final int YEARS_AROUND = 3;

    private final NoteService notes;
    private final String user;
    private final boolean admin;
    private final TextField search = new TextField();
    private final Paragraph count = new Paragraph();
    private final Grid<Note> grid = new Grid<>();

    NotesView(NoteService notes, AuthenticationContext authentication) {
        this.notes = notes;
        this.user = authentication.hasRole(Role.ANALYST.name()) ? authentication.getPrincipalName().orElse(null) : null;
        this.admin = authentication.hasRole(Role.ADMIN.name());
        addClassName("view");
        search.setLabel(getTranslation("notes.search"));
        search.setPlaceholder(getTranslation("notes.search.placeholder"));
        search.setClearButtonVisible(true);
        search.setWidth("min(28em, 100%)");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                getUI().ifPresent(ui -> ui.navigate(NotesView.class, e.getValue().isBlank() ? QueryParameters.empty()
                        : QueryParameters.simple(Map.of("q", e.getValue()))));
            }
        });
        columns();
        add(new H2(getTranslation("nav.notes")), search, count, grid);
    }

    private void columns() {
        grid.addColumn(Note::year).setHeader(getTranslation("common.year")).setWidth("6em").setFlexGrow(0);
        grid.addColumn(Note::subjectLabel).setHeader(getTranslation("notes.subject")).setFlexGrow(2)
                .setTooltipGenerator(Note::subjectLabel);
        grid.addColumn(n -> n.metric() == null ? getTranslation("notes.dialog.every-metric")
                : Metric.ofCode(n.metric()).map(MetricNames::of).orElse(n.metric())).setHeader(getTranslation("notes.metric")).setFlexGrow(2);
        grid.addColumn(Note::body).setHeader(getTranslation("notes.text")).setFlexGrow(4).setTooltipGenerator(Note::body);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(Note::createdBy).setHeader(getTranslation("notes.author")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(n -> n.createdAt().toString().replace('T', ' ')).setHeader(getTranslation("notes.created")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        // paged from the store as it scrolls: a national store may hold many notes
        grid.setHeight("60vh");
    }

    private Component actions(Note n) {
        Anchor open = new Anchor(chartLink(n), getTranslation("notes.open"));
        if (user == null || !(admin || user.equals(n.createdBy()))) {
            return open;
        }
        Button delete = new Button(getTranslation("notes.delete"), e -> {
            notes.delete(n.id());
            Notification.show(getTranslation("notes.deleted"), 2000, Notification.Position.BOTTOM_START);
            show(search.getValue());
        });
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(open, delete);
    }

    /** The view that draws the note's metric, on its subject and the years around it. */
    static String chartLink(Note n) {
        String route = n.metric() == null ? "volumes" : Metric.ofCode(n.metric()).map(NotesView::routeOf).orElse("volumes");
        return QueryParameters.simple(Map.of("scope", n.subject(), "from", String.valueOf(n.year() - YEARS_AROUND),
                "to", String.valueOf(n.year() + YEARS_AROUND))).getQueryString().transform(q -> route + "?" + q);
    }

    private static String routeOf(Metric m) {
        if (List.of(Metric.REVIEWS, Metric.LAWSUITS, Metric.CORRECTION_RATE, Metric.DISPUTES_PER_100).contains(m)) {
            return "review";
        }
        if (m == Metric.NEW_APPLICATIONS || Metric.PROACTIVE.contains(m) || Metric.BY_APPLICANT.contains(m)) {
            return "volumes";
        }
        return "outcomes";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String q = event.getLocation().getQueryParameters().getSingleParameter("q").orElse("");
        search.setValue(q);
        show(q);
    }

    private void show(String q) {
        int total = notes.count(q);
        count.setText(total == 0 && q.isBlank() ? getTranslation("notes.none") : getTranslation("notes.count", total));
        grid.setItems(page -> notes.search(q, page.getOffset(), page.getLimit()).stream(), page -> total);
        grid.setVisible(total > 0);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.notes") + " · " + getTranslation("shell.product");
    }
}
