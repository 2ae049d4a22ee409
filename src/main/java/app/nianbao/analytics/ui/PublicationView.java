package app.nianbao.analytics.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import software.xdev.chartjs.model.charts.BarChart;
import software.xdev.chartjs.model.data.BarData;
import software.xdev.chartjs.model.dataset.BarDataset;
import software.xdev.chartjs.model.options.BarOptions;

import app.nianbao.agency.AgencyService;
import app.nianbao.agency.GroupService;
import app.nianbao.analytics.AnalyticsService;
import app.nianbao.analytics.PublicationRegister;
import app.nianbao.analytics.PublicationRegister.Entry;
import app.nianbao.analytics.PublicationRegister.Status;
import app.nianbao.analytics.PublicationRegister.YearSummary;
import app.nianbao.catalog.Scope;
import app.nianbao.export.DataTable;
import app.nianbao.export.Palette;
import app.nianbao.shell.ui.Axes;
import app.nianbao.shell.ui.ChartCard;
import app.nianbao.shell.ui.ChartMeta;
import app.nianbao.shell.ui.DownloadLinks;
import app.nianbao.shell.ui.Labels;

/**
 * 发布情况: who published each year's report on time, late or not at all, against the deadline
 * of its kind; the on-time rate counts only what can be judged, and the list names the agencies
 * of the last year chosen that were late, missing or gave no date.
 */
@Route("publication")
@RolesAllowed("VIEWER")
class PublicationView extends AnalysisView {

    private static final List<Status> SHOWN = List.of(Status.ON_TIME, Status.LATE, Status.MISSING, Status.NO_DATE, Status.NOT_DUE);
    // on time, late, missing, no date, not yet due
    private static final String[] COLORS = {Palette.GREEN, Palette.ORANGE, Palette.RED, Palette.GREY, Palette.LIGHT_GREY};

    private final PublicationRegister register;
    private final ChartCard rate = new ChartCard(getTranslation("publication.rate"), getTranslation("publication.rate.definition"),
            "on-time-rate");
    private final ChartCard statuses = new ChartCard(getTranslation("publication.statuses"), getTranslation("publication.statuses.definition"),
            "publication-statuses");
    private final H3 listTitle = new H3();
    private final Grid<Entry> list = new Grid<>();
    private List<Entry> problems = List.of();

    PublicationView(AnalyticsService analytics, PublicationRegister register, AgencyService agencies, GroupService groups, ChartNotes notes) {
        super("nav.publication", analytics, agencies, groups, notes, PublicationView.class);
        this.register = register;
        HorizontalLayout heading = new HorizontalLayout(
                listTitle);
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        DownloadLinks.of("publication-problems", this::problemsTable).forEach(heading::add);
        addContent(rate, statuses, heading, list());
    }

    private Grid<Entry> list() {
        list.addComponentColumn(PublicationView::agencyLink).setHeader(getTranslation("common.agency")).setFlexGrow(3).setWidth("14em")
                .setSortable(true)
                .setComparator(Entry::agency);
        list.addColumn(e -> getTranslation("publication.kind." + e.kind().code())).setHeader(getTranslation("publication.kind"))
                .setAutoWidth(true).setFlexGrow(0);
        list.addColumn(Entry::deadline).setHeader(getTranslation("publication.deadline")).setSortable(true);
        list.addColumn(e -> e.publishedOn() == null ? "—" : e.publishedOn().toString()).setHeader(getTranslation("publication.published"));
        list.addColumn(e -> e.dateSource() == null ? "—" : getTranslation("publication.source." + e.dateSource()))
                .setHeader(getTranslation("publication.source")).setAutoWidth(true);
        list.addComponentColumn(PublicationView::status).setHeader(getTranslation("publication.status")).setSortable(true)
                .setComparator(e -> e.status().ordinal());
        list.addColumn(e -> e.daysLate() == null ? "" : e.daysLate()).setHeader(getTranslation("publication.days-late")).setSortable(true)
                .setComparator(e -> e.daysLate() == null ? 0 : e.daysLate());
        list.addColumn(PublicationView::marks).setHeader(getTranslation("publication.source-marks")).setWidth("14em").setFlexGrow(2);
        // a mark names its date: wrapped in its cell rather than cut
        list.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        list.addClassName("publication-list");
        list.setAllRowsVisible(false);
        list.setHeight("28em");
        return list;
    }

    /** What the collector saw at the source after publication, in one cell: empty where nothing was seen. */
    private static String marks(Entry e) {
        return String.join("；", Labels.sourceMarks(e.changedOn(), e.withdrawnOn()));
    }

    private static String blankAsNull(String text) {
        return text.isEmpty() ? null : text;
    }

    private static Component agencyLink(Entry e) {
        return e.status() == Status.MISSING || e.status() == Status.NOT_DUE ? new Span(e.agency())
                : new Anchor("reports/%d/%d".formatted(e.agencyId(), e.year()), e.agency());
    }

    private static Component status(Entry e) {
        Span badge = new Span(Labels.text("publication.status." + e.status().code()));
        badge.getElement().getThemeList().add(e.status() == Status.ON_TIME ? "badge success" : e.status() == Status.NOT_DUE
                ? "badge contrast" : e.status() == Status.NO_DATE ? "badge" : "badge error");
        return badge;
    }

    @Override
    protected boolean render(Scope scope) {
        LocalDate today = LocalDate.now();
        List<YearSummary> years = register.summary(scope, filters.from(), filters.to(), today);
        if (years.isEmpty()) {
            return false;
        }
        showRate(years);
        showStatuses(years);
        int last = years.get(years.size() - 1).year();
        problems = register.entries(scope, last, today).stream()
                .filter(e -> e.status() == Status.LATE || e.status() == Status.MISSING || e.status() == Status.NO_DATE
                        || e.changedOn() != null || e.withdrawnOn() != null).toList();
        listTitle.setText(getTranslation("publication.list", String.valueOf(last), problems.size()));
        list.setItems(problems);
        return true;
    }

    /** The list as its downloads give it: what the grid shows, dates as dates, days late as numbers. */
    DataTable problemsTable() {
        List<List<Object>> rows = problems.stream().map(e -> Arrays.<Object>asList(e.agency(),
                getTranslation("publication.kind." + e.kind().code()), e.deadline().toString(),
                e.publishedOn() == null ? null : e.publishedOn().toString(),
                e.dateSource() == null ? null : getTranslation("publication.source." + e.dateSource()), label(e.status()), e.daysLate(),
                blankAsNull(marks(e)))).toList();
        return new DataTable(listTitle.getText(), List.of(getTranslation("common.agency"), getTranslation("publication.kind"),
                getTranslation("publication.deadline"), getTranslation("publication.published"), getTranslation("publication.source"),
                getTranslation("publication.status"), getTranslation("publication.days-late"), getTranslation("publication.source-marks")),
                rows);
    }

    private void showRate(List<YearSummary> years) {
        List<String> labels = years.stream().map(y -> String.valueOf(y.year())).toList();
        Number[] values = years.stream().map(y -> y.onTimeRate() == null ? null : (Number) (Math.round(y.onTimeRate() * 1000) / 10.0))
                .toArray(Number[]::new);
        BarDataset set = new BarDataset().setLabel(getTranslation("publication.rate")).setBackgroundColor(COLORS[0]);
        set.setData(values);
        List<List<Object>> rows = DataTable.yearRows(years.stream().map(YearSummary::year).toList());
        for (int r = 0; r < rows.size(); r++) {
            YearSummary y = years.get(r);
            rows.get(r).addAll(Arrays.asList(y.expected(), y.onTime(), y.late(), y.missing(), y.noDate(), y.notDue(), values[r]));
        }
        rate.show(new BarChart(new BarData().setLabels(labels).addDataset(set), new BarOptions().setScales(Axes.percent())), false,
                new DataTable(getTranslation("publication.rate"), List.of(getTranslation("common.year"), getTranslation("publication.expected"),
                        label(Status.ON_TIME), label(Status.LATE), label(Status.MISSING), label(Status.NO_DATE), label(Status.NOT_DUE),
                        getTranslation("publication.rate")), rows), ChartMeta.unit("%"));
        // one line for all years: what the rate leaves out is said once, not a paragraph a year
        List<String> undated = years.stream().filter(y -> y.noDate() > 0)
                .map(y -> getTranslation("publication.rate.year", String.valueOf(y.year()), y.noDate())).toList();
        List<String> notDue = years.stream().filter(y -> y.notDue() > 0)
                .map(y -> getTranslation("publication.rate.year", String.valueOf(y.year()), y.notDue())).toList();
        List<String> notes = new ArrayList<>();
        if (!undated.isEmpty()) {
            notes.add(getTranslation("publication.rate.undated", String.join(getTranslation("coverage.separator"), undated)));
        }
        if (!notDue.isEmpty()) {
            notes.add(getTranslation("publication.rate.not-due", String.join(getTranslation("coverage.separator"), notDue)));
        }
        rate.setNotes(notes);
    }

    private void showStatuses(List<YearSummary> years) {
        BarData bars = new BarData().setLabels(years.stream().map(y -> String.valueOf(y.year())).toList());
        List<List<Object>> rows = DataTable.yearRows(years.stream().map(YearSummary::year).toList());
        for (int s = 0; s < SHOWN.size(); s++) {
            Status status = SHOWN.get(s);
            Number[] counts = years.stream().map(y -> (Number) count(y, status)).toArray(Number[]::new);
            BarDataset set = new BarDataset().setLabel(label(status)).setBackgroundColor(COLORS[s]);
            set.setData(counts);
            bars.addDataset(set);
            DataTable.addColumn(rows, counts);
        }
        List<String> columns = new ArrayList<>(List.of(getTranslation("common.year")));
        SHOWN.forEach(s -> columns.add(label(s)));
        statuses.show(new BarChart(bars, new BarOptions().setScales(Axes.fromZero())), true,
                new DataTable(getTranslation("publication.statuses"), columns, rows));
    }

    private static int count(YearSummary y, Status status) {
        return switch (status) {
            case ON_TIME -> y.onTime();
            case LATE -> y.late();
            case MISSING -> y.missing();
            case NO_DATE -> y.noDate();
            case NOT_DUE -> y.notDue();
        };
    }

    private String label(Status status) {
        return getTranslation("publication.status." + status.code());
    }
}
