package app.nianbao.analytics.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;

import app.nianbao.agency.AgencyService;
import app.nianbao.agency.GroupService;
import app.nianbao.analytics.AnalyticsService;
import app.nianbao.analytics.Scope;
import app.nianbao.shell.ui.FilterBar;

/**
 * What the year-series views share: a title, the URL filter bar, the content, and an empty state
 * that says what to do when the filters leave no data. Subclasses only draw.
 */
abstract class AnalysisView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    protected final AnalyticsService analytics;
    protected final FilterBar filters;
    private final String titleKey;
    private final Div empty = new Div();
    private final Div content = new Div();

    AnalysisView(String titleKey, AnalyticsService analytics, AgencyService agencies, GroupService groups, Class<? extends Component> route) {
        this.analytics = analytics;
        this.titleKey = titleKey;
        this.filters = new FilterBar(agencies.list(), groups, route);
        addClassName("view");
        empty.setText(getTranslation("empty.no-data"));
        empty.addClassName("empty-state");
        add(new H2(getTranslation(titleKey)), filters, empty, content);
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey) + " · " + getTranslation("shell.product");
    }

    /** Adds the parts the view draws into; they are hidden together when there is no data. */
    protected void addContent(Component... parts) {
        content.add(parts);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        filters.read(event.getLocation().getQueryParameters());
        boolean shown = render(Scope.parse(filters.scope()));
        empty.setVisible(!shown);
        content.setVisible(shown);
    }

    /**
     * Where a click on a year leads: that agency's report when one agency is chosen, otherwise
     * the list of that year's reports.
     */
    protected void drillTo(int year) {
        String scope = filters.scope();
        getUI().ifPresent(ui -> {
            if (scope.startsWith("agency:")) {
                ui.navigate("reports/" + scope.substring("agency:".length()) + "/" + year);
            } else {
                ui.navigate("reports", com.vaadin.flow.router.QueryParameters.of("q", String.valueOf(year)));
            }
        });
    }

    /** Makes every chart of a card open what lies behind a clicked year (labels are the years). */
    protected void drillByYear(app.nianbao.shell.ui.ChartCard card, java.util.List<Integer> years) {
        card.onPointClick(click -> drillTo(years, click.index()));
    }

    /** Opens what lies behind the year at a label index, if there is one. */
    protected void drillTo(java.util.List<Integer> years, int index) {
        if (index >= 0 && index < years.size()) {
            drillTo(years.get(index));
        }
    }

    /** Draws the view for the scope and the filter's years; false when there is nothing to draw. */
    protected abstract boolean render(Scope scope);
}
