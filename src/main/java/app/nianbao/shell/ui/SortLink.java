package app.nianbao.shell.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;

/**
 * A list's sort and filters kept in the view's link ({@code ?sort=score,desc&year=2024}), so that
 * a copied link reopens the list as it was left. Columns are named by their keys.
 */
public final class SortLink {

    private SortLink() {
    }

    /** The sort a link names, read as column key and direction; null when it names none. */
    public record Sort(String key, boolean descending) {

        public static Sort of(Map<String, List<String>> params) {
            String written = UrlParameters.text(params, "sort", "");
            if (written.isBlank()) {
                return null;
            }
            String[] parts = written.split(",", 2);
            return new Sort(parts[0], parts.length > 1 && parts[1].equalsIgnoreCase("desc"));
        }

        /** The first of a lazy grid's sort orders, as its column key and direction; null when unsorted. */
        public static Sort of(List<QuerySortOrder> orders) {
            return orders.isEmpty() ? null : new Sort(orders.get(0).getSorted(), orders.get(0).getDirection() == SortDirection.DESCENDING);
        }

        String written() {
            return descending ? key + ",desc" : key;
        }
    }

    /**
     * A list's filters as the link keeps them: each change the user makes is written to the link
     * and the list refreshed once; while the view reads them from the link, nothing is written.
     */
    public static final class Filters {

        private final Runnable refresh;
        private boolean reading;

        public Filters(Runnable refresh) {
            this.refresh = refresh;
        }

        /** Sets the fields from the link, then refreshes once. */
        public void read(Runnable setFields) {
            reading = true;
            try {
                setFields.run();
            } finally {
                reading = false;
            }
            refresh.run();
        }

        public void changed(Component field, String parameter, String value) {
            if (!reading) {
                replace(field.getUI().orElse(null), parameter, value);
                refresh.run();
            }
        }
    }

    /** A row of filter fields that wraps on a narrow screen. */
    public static FlexLayout filterRow(Component... fields) {
        var row = new FlexLayout(fields);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.addClassName("filters");
        return row;
    }

    /** Makes a column sortable in the store under the sort's name ("score"), which the link writes. */
    public static <T> Grid.Column<T> sortable(Grid.Column<T> column, Enum<?> sort) {
        String key = sort.name().toLowerCase(Locale.ROOT);
        return column.setKey(key).setSortProperty(key).setSortable(true);
    }

    /** Sorts the grid as the link says, by a sortable column; a link naming no such column leaves it unsorted. */
    public static <T> void apply(Grid<T> grid, Map<String, List<String>> params) {
        Sort sort = Sort.of(params);
        Grid.Column<T> column = sort == null ? null : grid.getColumnByKey(sort.key());
        if (column != null && column.isSortable()) {
            grid.sort(List.of(new GridSortOrder<>(column, sort.descending() ? SortDirection.DESCENDING : SortDirection.ASCENDING)));
        } else if (!grid.getSortOrder().isEmpty()) {
            grid.sort(List.of());
        }
    }

    /** The grid's first sort order, as a link writes it, or null when unsorted. */
    public static <T> Sort of(Grid<T> grid) {
        List<GridSortOrder<T>> orders = grid.getSortOrder();
        if (orders.isEmpty() || orders.get(0).getSorted().getKey() == null) {
            return null;
        }
        return new Sort(orders.get(0).getSorted().getKey(), orders.get(0).getDirection() == SortDirection.DESCENDING);
    }

    /** Writes the user's sort into the link whenever they change it, keeping the link's other parameters. */
    public static <T> void keep(Grid<T> grid) {
        grid.addSortListener(event -> {
            if (event.isFromClient()) {
                Sort sort = of(grid);
                replace(grid.getUI().orElse(null), "sort", sort == null ? null : sort.written());
            }
        });
    }

    /** Sets one parameter of the link (null removes it) without a navigation, so the back button is not filled with every change. */
    public static void replace(UI ui, String name, String value) {
        if (ui == null) {
            return;
        }
        Location location = ui.getInternals().getActiveViewLocation();
        Map<String, List<String>> params = new HashMap<>(location.getQueryParameters().getParameters());
        if (value == null || value.isBlank()) {
            params.remove(name);
        } else {
            params.put(name, List.of(value));
        }
        ui.getPage().getHistory().replaceState(null, new Location(location.getPath(), new QueryParameters(params)));
    }
}
