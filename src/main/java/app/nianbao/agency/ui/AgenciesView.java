package app.nianbao.agency.ui;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

import app.nianbao.agency.AgencyKind;
import app.nianbao.agency.AgencyService;
import app.nianbao.agency.AgencyService.AgencySummary;
import app.nianbao.agency.Roster;
import app.nianbao.catalog.AgencyLevel;
import app.nianbao.security.Role;
import app.nianbao.shell.ui.Labels;
import app.nianbao.shell.ui.Uploads;

/** 机构: every agency with its level, region and parent; edit where it stands, merge two that are one. */
@Route("agencies")
@RolesAllowed("VIEWER")
class AgenciesView extends Main implements HasDynamicTitle {

    private final AgencyService agencies;
    private final Grid<AgencySummary> grid = new Grid<>();
    private final TextField filter = new TextField();
    private final Select<AgencyLevel> level = new Select<>();
    private final Select<AgencyKind> kind = new Select<>();
    private final Span rosterResult = new Span();
    private final TextField regionCode = new TextField(getTranslation("agencies.region-code"));
    private final TextField regionName = new TextField(getTranslation("agencies.region"));
    private final ComboBox<AgencySummary> parent = new ComboBox<>(getTranslation("agencies.parent"));
    private final ComboBox<AgencySummary> mergeInto = new ComboBox<>(getTranslation("agencies.merge-into"));
    private final VerticalLayout editor = new VerticalLayout();
    private final H3 editing = new H3();
    private List<AgencySummary> all = List.of();

    AgenciesView(AgencyService agencies, AuthenticationContext authentication) {
        this.agencies = agencies;
        addClassName("view");
        HorizontalLayout content = new HorizontalLayout(grid());
        add(new H2(getTranslation("nav.agencies")));
        // describing and merging agencies is an analyst's work; viewers browse the hierarchy
        if (authentication.hasRole(Role.ANALYST.name())) {
            content.add(editor());
            add(roster());
        }
        add(filter(), content);
        refresh();
    }

    private TextField filter() {
        filter.setPlaceholder(getTranslation("agencies.filter"));
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> showFiltered());
        filter.setWidth("100%");
        filter.setMaxWidth("24em");
        return filter;
    }

    private Grid<AgencySummary> grid() {
        grid.addColumn(AgencySummary::name).setHeader(getTranslation("agencies.name")).setAutoWidth(true).setFlexGrow(3).setSortable(true);
        // levels are short words: as wide as they are; region and parent are long names: cut, with the whole in the tooltip
        grid.addColumn(a -> a.level() == null ? "" : Labels.level(AgencyLevel.valueOf(a.level()))).setHeader(getTranslation("agencies.level"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> a.regionName() == null ? "" : a.regionName()).setHeader(getTranslation("agencies.region")).setFlexGrow(2)
                .setTooltipGenerator(a -> a.regionName() == null ? "" : a.regionName());
        grid.addColumn(a -> a.parentName() == null ? "" : a.parentName()).setHeader(getTranslation("agencies.parent-short")).setFlexGrow(2)
                .setTooltipGenerator(a -> a.parentName() == null ? "" : a.parentName());
        grid.addColumn(this::kindText).setHeader(getTranslation("publication.kind")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AgencySummary::reports).setHeader(getTranslation("common.reports")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> String.join("、", a.aliases())).setHeader(getTranslation("agencies.aliases")).setFlexGrow(2);
        grid.setWidth("65%");
        grid.setHeight("70vh");
        grid.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));
        return grid;
    }

    private VerticalLayout editor() {
        level.setLabel(getTranslation("agencies.level"));
        level.setItems(AgencyLevel.values());
        level.setItemLabelGenerator(Labels::level);
        level.setEmptySelectionAllowed(true);
        kind.setLabel(getTranslation("agencies.kind"));
        kind.setItems(AgencyKind.values());
        kind.setItemLabelGenerator(k -> k == null ? getTranslation("agencies.kind.inferred") : getTranslation("publication.kind." + k.code()));
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption(getTranslation("agencies.kind.inferred"));
        kind.setHelperText(getTranslation("agencies.kind.help"));
        parent.setItemLabelGenerator(AgencySummary::name);
        mergeInto.setItemLabelGenerator(AgencySummary::name);
        Button save = new Button(getTranslation("agencies.save"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button merge = new Button(getTranslation("agencies.merge"), e -> confirmMerge());
        merge.addThemeVariants(ButtonVariant.LUMO_ERROR);
        FormLayout form = new FormLayout(level, kind, regionCode, regionName, parent);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        editor.add(editing, form, save, mergeInto, merge);
        editor.setWidth("35%");
        editor.setVisible(false);
        return editor;
    }

    private void edit(AgencySummary agency) {
        editor.setVisible(agency != null);
        if (agency == null) {
            return;
        }
        editing.setText(agency.name());
        level.setValue(agency.level() == null ? null : AgencyLevel.valueOf(agency.level()));
        kind.setValue(agency.setKind());
        regionCode.setValue(Objects.toString(agency.regionCode(), ""));
        regionName.setValue(Objects.toString(agency.regionName(), ""));
        List<AgencySummary> others = all.stream().filter(a -> a.id() != agency.id()).toList();
        parent.setItems(others);
        parent.setValue(others.stream().filter(a -> Objects.equals(a.id(), agency.parentId())).findFirst().orElse(null));
        mergeInto.setItems(others);
        mergeInto.clear();
    }

    private void save() {
        AgencySummary agency = grid.asSingleSelect().getValue();
        try {
            agencies.describe(agency.id(), level.getValue(), regionCode.getValue(), regionName.getValue(),
                    parent.getValue() == null ? null : parent.getValue().id());
            agencies.setKind(agency.id(), kind.getValue());
            Notification.show(getTranslation("agencies.saved", agency.name()), 2000, Notification.Position.BOTTOM_START);
            refresh();
        } catch (IllegalArgumentException e) {
            Notification.show(Labels.inLanguage(e.getMessage()), 4000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** The kind the register holds the agency to: set, or inferred from its name and level (said so). */
    private String kindText(AgencySummary a) {
        AgencyKind set = a.setKind();
        AgencyKind used = set != null ? set : AgencyKind.of(a.name(), a.level() == null ? null : AgencyLevel.valueOf(a.level()));
        String text = getTranslation("publication.kind." + used.code());
        return set != null ? text : getTranslation("agencies.kind.inferred-as", text);
    }

    /** A roster CSV: the agencies expected to publish, created or described in one go. */
    private Div roster() {
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> getUI().ifPresent(ui -> ui.access(() ->
                importRoster(meta.fileName(), new String(bytes, StandardCharsets.UTF_8))))));
        upload.setAcceptedFileTypes(".csv", "text/csv", "text/plain");
        upload.setMaxFileSize(20 << 20);
        Uploads.translate(upload);
        upload.setDropLabel(new Span(getTranslation("agencies.roster.drop")));
        rosterResult.addClassName("roster-result");
        rosterResult.getElement().setAttribute("role", "status");
        Details details = new Details(getTranslation("agencies.roster"), new Paragraph(getTranslation("agencies.roster.help")), upload,
                rosterResult);
        details.addClassName("roster");
        return new Div(details);
    }

    /** Imports a roster's text; package-visible for browserless tests. */
    void importRoster(String fileName, String text) {
        try {
            AgencyService.RosterResult result = agencies.importRoster(Roster.read(text));
            rosterResult.setText(getTranslation("agencies.roster.done", fileName, result.described(), result.created()));
            refresh();
        } catch (IllegalArgumentException e) {
            rosterResult.setText(fileName + ": " + Labels.inLanguage(e.getMessage()));
        }
    }

    private void confirmMerge() {
        AgencySummary merged = grid.asSingleSelect().getValue();
        AgencySummary kept = mergeInto.getValue();
        if (kept == null) {
            Notification.show(getTranslation("agencies.choose-merge"), 3000, Notification.Position.MIDDLE);
            return;
        }
        ConfirmDialog dialog = new ConfirmDialog(getTranslation("agencies.merge-title"),
                getTranslation("agencies.merge-text", merged.name(), merged.reports(), kept.name()),
                getTranslation("agencies.merge-confirm"), e -> merge(kept, merged));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.open();
    }

    void merge(AgencySummary kept, AgencySummary merged) {
        try {
            agencies.merge(kept.id(), merged.id());
        } catch (AgencyService.AgencyBusyException e) {
            mergeRefused(getTranslation("agencies.merge-busy", merged.name(), kept.name()));
            return;
        } catch (RuntimeException e) {
            mergeRefused(getTranslation("agencies.merge-failed", merged.name(), kept.name(), Labels.inLanguage(e.getMessage())));
            return;
        }
        Notification.show(getTranslation("agencies.merged", merged.name(), kept.name()), 3000, Notification.Position.BOTTOM_START);
        grid.asSingleSelect().clear();
        refresh();
    }

    /** Nothing was merged: the admin is told why, and the list shows the store as it is. */
    private void mergeRefused(String why) {
        Notification.show(why, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        refresh();
    }

    private void refresh() {
        all = agencies.list();
        showFiltered();
    }

    private void showFiltered() {
        String q = filter.getValue().strip();
        grid.setItems(q.isEmpty() ? all : all.stream()
                .filter(a -> a.name().contains(q) || a.aliases().stream().anyMatch(alias -> alias.contains(q))).toList());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.agencies") + " · " + getTranslation("shell.product");
    }
}
