package app.nianbao.analytics.ui;

import java.time.Year;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;

import app.nianbao.agency.AgencyService.AgencyChoice;
import app.nianbao.agency.GroupService;
import app.nianbao.agency.GroupService.AgencyGroup;
import app.nianbao.analytics.AnalyticsService.ReportingYears;
import app.nianbao.catalog.AgencyLevel;
import app.nianbao.catalog.Scope;
import app.nianbao.catalog.Template;
import app.nianbao.security.Role;
import app.nianbao.shell.ui.Labels;
import app.nianbao.shell.ui.UrlParameters;

/**
 * The filters the analysis views share: a scope (all agencies, chosen agencies, a level, a parent
 * with everything below it, a region, or a saved group) and a range of years. They live in the
 * URL (?scope=level:CITY&from=2019&to=2025): a change navigates, and the view renders from the
 * URL, so links reproduce a view and back/forward work.
 */
class FilterBar extends HorizontalLayout {

    /** The kinds of scope, in the order the picker offers them. */
    public enum Kind {
        ALL, AGENCIES, LEVEL, PARENT, REGION, GROUP
    }

    private record Region(String code, String name) {
    }

    private final GroupService groups;
    private final Select<Kind> kind = new Select<>();
    private final MultiSelectComboBox<AgencyChoice> agencies = new MultiSelectComboBox<>();
    private final Select<AgencyLevel> level = new Select<>();
    private final ComboBox<AgencyChoice> parent = new ComboBox<>();
    private final ComboBox<Region> region = new ComboBox<>();
    private final ComboBox<AgencyGroup> group = new ComboBox<>();
    private final Button saveGroup = new Button();
    private final IntegerField from = new IntegerField();
    private final IntegerField to = new IntegerField();
    private final ReportingYears years;
    private final Class<? extends Component> view;
    private boolean reading;

    public FilterBar(List<AgencyChoice> all, ReportingYears years, GroupService groups, Class<? extends Component> view) {
        this.groups = groups;
        this.years = years;
        this.view = view;
        // on a narrow screen the fields go onto further lines instead of off the edge
        setWrap(true);
        kind.setLabel(getTranslation("filter.scope"));
        kind.setItems(Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("filter.kind." + k.name()));
        kind.setValue(Kind.ALL);
        agencies.setLabel(getTranslation("filter.agency"));
        agencies.setItems(all);
        agencies.setItemLabelGenerator(AgencyChoice::name);
        agencies.setWidth("100%");
        agencies.setMaxWidth("26em"); // as wide as that on a desktop, never wider than a phone
        level.setLabel(getTranslation("agencies.level"));
        level.setItems(AgencyLevel.values());
        level.setItemLabelGenerator(Labels::level);
        parent.setLabel(getTranslation("filter.parent"));
        parent.setItems(all);
        parent.setItemLabelGenerator(AgencyChoice::name);
        parent.setWidth("100%");
        parent.setMaxWidth("22em");
        region.setLabel(getTranslation("agencies.region"));
        region.setItems(regions(all));
        region.setItemLabelGenerator(r -> r.name() + " (" + r.code() + ")");
        region.setWidth("100%");
        region.setMaxWidth("22em");
        group.setLabel(getTranslation("filter.group"));
        group.setItems(groups.list());
        group.setItemLabelGenerator(AgencyGroup::name);
        saveGroup.setText(getTranslation("filter.save-group"));
        saveGroup.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        saveGroup.addClickListener(e -> askGroupName());
        from.setLabel(getTranslation("filter.from"));
        to.setLabel(getTranslation("filter.to"));
        from.setMin(Template.FIRST_YEAR);
        to.setMax(Year.now().getValue());
        kind.addValueChangeListener(e -> {
            showChoiceFor(e.getValue());
            if (e.getValue() == Kind.ALL) {
                navigate();
            }
        });
        agencies.addValueChangeListener(e -> navigate());
        level.addValueChangeListener(e -> navigate());
        parent.addValueChangeListener(e -> navigate());
        region.addValueChangeListener(e -> navigate());
        group.addValueChangeListener(e -> navigate());
        from.addValueChangeListener(e -> navigate());
        to.addValueChangeListener(e -> navigate());
        setAlignItems(Alignment.BASELINE);
        add(kind, agencies, level, parent, region, group, saveGroup, from, to);
        showChoiceFor(Kind.ALL);
    }

    /** The parameters the scope and years travel in; what the session remembers of them. */
    private static final List<String> SHARED = List.of("scope", "from", "to");
    private static final String REMEMBERED = FilterBar.class.getName() + ".shared";

    /**
     * Sets the fields from a URL without navigating again. A URL that names no scope or years
     * (a click in the side navigation) takes the ones last chosen in this session, and the
     * address bar shows them, so that a link copied from it still reproduces the view.
     */
    public void read(QueryParameters parameters) {
        Map<String, List<String>> params = remembered(parameters.getParameters());
        reading = true;
        try {
            Scope scope;
            try {
                scope = Scope.parse(UrlParameters.text(params, "scope", "all"));
            } catch (IllegalArgumentException e) {
                scope = new Scope.All();
            }
            show(scope);
            from.setValue(UrlParameters.integer(params, "from", years.first()));
            to.setValue(UrlParameters.integer(params, "to", years.last()));
        } finally {
            reading = false;
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, List<String>> remembered(Map<String, List<String>> given) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null) {
            return given;
        }
        Map<String, List<String>> shared = new LinkedHashMap<>();
        SHARED.stream().filter(given::containsKey).forEach(key -> shared.put(key, given.get(key)));
        if (!shared.isEmpty()) {
            session.setAttribute(REMEMBERED, shared);
            return given;
        }
        Object saved = session.getAttribute(REMEMBERED);
        if (!(saved instanceof Map<?, ?> last)) {
            return given;
        }
        Map<String, List<String>> merged = new LinkedHashMap<>(given);
        merged.putAll((Map<String, List<String>>) last);
        UI ui = UI.getCurrent();
        if (ui != null) {
            String path = RouteConfiguration.forSessionScope().getUrl(view);
            ui.getPage().getHistory().replaceState(null, new Location(path, new QueryParameters(merged)));
        }
        return merged;
    }

    private void show(Scope scope) {
        if (scope instanceof Scope.Agencies chosen) {
            kind.setValue(Kind.AGENCIES);
            agencies.setValue(items(agencies.getListDataView().getItems().toList(), a -> chosen.ids().contains(a.id())));
        } else if (scope instanceof Scope.Level chosen) {
            kind.setValue(Kind.LEVEL);
            level.setValue(chosen.level());
        } else if (scope instanceof Scope.Subtree chosen) {
            kind.setValue(Kind.PARENT);
            parent.setValue(parent.getListDataView().getItems().filter(a -> a.id() == chosen.root()).findFirst().orElse(null));
        } else if (scope instanceof Scope.Region chosen) {
            kind.setValue(Kind.REGION);
            region.setValue(region.getListDataView().getItems().filter(r -> r.code().equals(chosen.codePrefix())).findFirst()
                    .orElse(null));
        } else if (scope instanceof Scope.Group chosen) {
            kind.setValue(Kind.GROUP);
            group.setValue(group.getListDataView().getItems().filter(g -> g.id() == chosen.id()).findFirst().orElse(null));
        } else {
            kind.setValue(Kind.ALL);
        }
        showChoiceFor(kind.getValue());
    }

    /** The scope as written in links and the API; "all" until the chosen kind has a value. */
    public String scope() {
        Scope scope = switch (kind.getValue() == null ? Kind.ALL : kind.getValue()) {
            case ALL -> new Scope.All();
            case AGENCIES -> agencies.getValue().isEmpty() ? new Scope.All()
                    : new Scope.Agencies(agencies.getValue().stream().map(AgencyChoice::id).sorted().toList());
            case LEVEL -> level.getValue() == null ? new Scope.All() : new Scope.Level(level.getValue());
            case PARENT -> parent.getValue() == null ? new Scope.All() : new Scope.Subtree(parent.getValue().id());
            case REGION -> region.getValue() == null ? new Scope.All() : new Scope.Region(region.getValue().code());
            case GROUP -> group.getValue() == null ? new Scope.All() : new Scope.Group(group.getValue().id());
        };
        return scope.written();
    }

    /** The scope in words, for the names of exported files: 全部机构, an agency's or group's name, a level, a region. */
    public String scopeLabel() {
        Kind chosen = kind.getValue() == null ? Kind.ALL : kind.getValue();
        String label = switch (chosen) {
            case ALL -> null;
            case AGENCIES -> agencies.getValue().isEmpty() ? null : agencies.getValue().stream().map(AgencyChoice::name).sorted().limit(2)
                    .collect(Collectors.joining("、"))
                    + (agencies.getValue().size() > 2 ? getTranslation("filter.and-more", agencies.getValue().size()) : "");
            case LEVEL -> level.getValue() == null ? null : Labels.level(level.getValue());
            case PARENT -> parent.getValue() == null ? null : parent.getValue().name();
            case REGION -> region.getValue() == null ? null : region.getValue().name();
            case GROUP -> group.getValue() == null ? null : group.getValue().name();
        };
        return label == null ? getTranslation("filter.kind.ALL") : label;
    }

    /** The agencies chosen one by one, directly or as a saved group, which charts draw a line each; else empty. */
    public List<Long> chosenAgencies() {
        if (kind.getValue() == Kind.AGENCIES) {
            return agencies.getValue().stream().map(AgencyChoice::id).sorted().toList();
        }
        return kind.getValue() == Kind.GROUP && group.getValue() != null ? group.getValue().agencyIds().stream().sorted().toList()
                : List.of();
    }

    /** The name of one of the agencies the bar offers, for a chart's legend. */
    public String agencyName(long id) {
        return agencies.getListDataView().getItems().filter(a -> a.id() == id).map(AgencyChoice::name).findFirst()
                .orElse(String.valueOf(id));
    }

    public int from() {
        return from.getValue() == null ? years.first() : from.getValue();
    }

    public int to() {
        return to.getValue() == null ? years.last() : to.getValue();
    }

    private void showChoiceFor(Kind chosen) {
        agencies.setVisible(chosen == Kind.AGENCIES);
        level.setVisible(chosen == Kind.LEVEL);
        parent.setVisible(chosen == Kind.PARENT);
        region.setVisible(chosen == Kind.REGION);
        group.setVisible(chosen == Kind.GROUP);
        // saved groups are shared by everyone: only an analyst may save one
        saveGroup.setVisible(chosen == Kind.AGENCIES && mayWrite());
    }

    private static boolean mayWrite() {
        var request = VaadinRequest.getCurrent();
        return request != null && request.isUserInRole(Role.ANALYST.name());
    }

    private void askGroupName() {
        Set<AgencyChoice> chosen = agencies.getValue();
        Dialog dialog = new Dialog(getTranslation("filter.save-group"));
        TextField name = new TextField(getTranslation("filter.group-name"));
        dialog.add(name);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()),
                new Button(getTranslation("filter.save-group"), e -> {
                    try {
                        long id = groups.save(name.getValue(), chosen.stream().map(AgencyChoice::id).toList());
                        dialog.close();
                        group.setItems(groups.list());
                        show(new Scope.Group(id));
                        navigate();
                    } catch (IllegalArgumentException problem) {
                        Notification.show(Labels.inLanguage(problem.getMessage()), 4000, Notification.Position.MIDDLE);
                    }
                }));
        dialog.open();
    }

    private void navigate() {
        if (reading || from.getValue() == null || to.getValue() == null) {
            return;
        }
        getUI().ifPresent(ui -> {
            // the view's own parameters (a metric, an opened detail) stay as they are
            Map<String, List<String>> params = new LinkedHashMap<>(ui.getInternals().getActiveViewLocation().getQueryParameters()
                    .getParameters());
            params.put("scope", List.of(scope()));
            params.put("from", List.of(String.valueOf(from())));
            params.put("to", List.of(String.valueOf(to())));
            ui.navigate(view, new QueryParameters(params));
        });
    }

    /** Region codes and names present among the agencies, provinces before their cities. */
    private static List<Region> regions(List<AgencyChoice> all) {
        return all.stream().filter(a -> a.regionCode() != null && a.regionName() != null)
                .map(a -> new Region(a.regionCode(), a.regionName())).distinct()
                .sorted(Comparator.comparing(Region::code)).toList();
    }

    private static Set<AgencyChoice> items(List<AgencyChoice> all, Predicate<AgencyChoice> chosen) {
        return all.stream().filter(chosen).collect(Collectors.toCollection(LinkedHashSet::new));
    }

}
