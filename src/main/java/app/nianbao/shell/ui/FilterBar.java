package app.nianbao.shell.ui;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.QueryParameters;

import app.nianbao.agency.AgencyService.AgencySummary;

/**
 * The filters the analysis views share: scope (all agencies or one) and a range of years. They
 * live in the URL (?scope=agency:3&from=2019&to=2025): a change navigates, and the view renders
 * from the URL, so links reproduce a view and back/forward work.
 */
public class FilterBar extends HorizontalLayout {

    public static final int DEFAULT_FROM = 2019;
    public static final int DEFAULT_TO = 2025;

    private final ComboBox<AgencySummary> agency = new ComboBox<>();
    private final IntegerField from = new IntegerField();
    private final IntegerField to = new IntegerField();
    private boolean reading;

    public FilterBar(List<AgencySummary> agencies, Class<? extends Component> view) {
        agency.setItems(agencies);
        agency.setItemLabelGenerator(AgencySummary::name);
        agency.setLabel(getTranslation("filter.agency"));
        from.setLabel(getTranslation("filter.from"));
        to.setLabel(getTranslation("filter.to"));
        agency.setPlaceholder(getTranslation("filter.all-agencies"));
        agency.setClearButtonVisible(true);
        agency.setWidth("22em");
        from.setMin(2000);
        to.setMax(2100);
        agency.addValueChangeListener(e -> navigate(view));
        from.addValueChangeListener(e -> navigate(view));
        to.addValueChangeListener(e -> navigate(view));
        add(agency, from, to);
    }

    /** Sets the fields from a URL without navigating again. */
    public void read(QueryParameters parameters) {
        Map<String, List<String>> params = parameters.getParameters();
        reading = true;
        try {
            String scope = first(params, "scope", "all");
            Long id = scope.startsWith("agency:") ? parseLong(scope.substring("agency:".length())) : null;
            agency.setValue(id == null ? null : agency.getListDataView().getItems().filter(a -> a.id() == id).findFirst().orElse(null));
            from.setValue(parseInt(first(params, "from", ""), DEFAULT_FROM));
            to.setValue(parseInt(first(params, "to", ""), DEFAULT_TO));
        } finally {
            reading = false;
        }
    }

    public String scope() {
        return agency.getValue() == null ? "all" : "agency:" + agency.getValue().id();
    }

    public int from() {
        return from.getValue() == null ? DEFAULT_FROM : from.getValue();
    }

    public int to() {
        return to.getValue() == null ? DEFAULT_TO : to.getValue();
    }

    private void navigate(Class<? extends Component> view) {
        if (reading || from.getValue() == null || to.getValue() == null) {
            return;
        }
        getUI().ifPresent(ui -> ui.navigate(view, QueryParameters.simple(
                Map.of("scope", scope(), "from", String.valueOf(from()), "to", String.valueOf(to())))));
    }

    private static String first(Map<String, List<String>> params, String name, String fallback) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }

    private static Long parseLong(String s) {
        try {
            return Long.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int parseInt(String s, int fallback) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
