package app.nianbao.navigation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

import app.nianbao.security.PublicVisitor;
import app.nianbao.security.Role;
import app.nianbao.shell.ui.Language;

/**
 * The shell every view sits in: product name, the side navigation (only what the user may
 * open), the language toggle and who is signed in.
 */
@Layout
@PermitAll
// the analysis views fold their notes in a Details; declared here so the production bundle loads it with the shell
@Uses(Details.class)
class MainLayout extends AppLayout {

    private final transient AuthenticationContext authentication;

    MainLayout(AuthenticationContext authentication) {
        this.authentication = authentication;
        addToNavbar(skipLink(), new DrawerToggle(), title(), account());
        addToDrawer(navigation());
        setPrimarySection(Section.DRAWER);
    }

    /**
     * The first stop of the keyboard: past the side navigation's ten links to the view itself
     * (every view is a {@code <main>}), hidden until it has the focus.
     */
    private Anchor skipLink() {
        Anchor skip = new Anchor("#", getTranslation("shell.skip"));
        skip.addClassName("skip-link");
        skip.getElement().executeJs("this.addEventListener('click', e => { e.preventDefault();"
                + " const main = document.querySelector('vaadin-app-layout main');"
                + " if (main) { main.setAttribute('tabindex', '-1'); main.focus(); } })");
        return skip;
    }

    private HorizontalLayout title() {
        H1 name = new H1("年报");
        name.addClassName("product-name");
        // the two characters are one word: never broken over two lines on a phone
        name.getStyle().set("white-space", "nowrap");
        Span latin = new Span("Nianbao");
        latin.addClassName("product-latin");
        HorizontalLayout title = new HorizontalLayout(name, latin);
        title.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        title.addClassName("product-title");
        return title;
    }

    private HorizontalLayout account() {
        Button language = new Button(getTranslation("shell.language"), e -> Language.toggle());
        language.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        language.addClassName("language-toggle");
        String name = authentication.getPrincipalName().orElse("");
        Component session;
        if (PublicVisitor.is(name)) {
            session = new Anchor("login", getTranslation("shell.login"));
            name = getTranslation("shell.visitor");
        } else {
            Button logout = new Button(getTranslation("shell.logout"), e -> authentication.logout());
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            session = logout;
        }
        Span user = new Span(name);
        user.addClassName("signed-in-user");
        HorizontalLayout account = new HorizontalLayout(language, user, session);
        account.setAlignItems(HorizontalLayout.Alignment.CENTER);
        account.addClassName("account");
        return account;
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setI18n(new SideNav.SideNavI18n().setToggle(getTranslation("shell.nav-toggle")));
        nav.addItem(item("nav.overview", "", VaadinIcon.DASHBOARD));
        nav.addItem(item("nav.volumes", "volumes", VaadinIcon.CHART_LINE));
        nav.addItem(item("nav.outcomes", "outcomes", VaadinIcon.CHART));
        nav.addItem(item("nav.review", "review", VaadinIcon.SCALE));
        nav.addItem(item("nav.compare", "compare", VaadinIcon.SCATTER_CHART));
        nav.addItem(item("nav.publication", "publication", VaadinIcon.CALENDAR_CLOCK));
        nav.addItem(item("nav.quality", "quality", VaadinIcon.CHECK_SQUARE_O));
        nav.addItem(item("nav.reports", "reports", VaadinIcon.FILE_TEXT_O));
        nav.addItem(item("nav.notes", "notes", VaadinIcon.COMMENT_ELLIPSIS_O));
        if (authentication.hasRole(Role.ANALYST.name())) {
            nav.addItem(item("nav.import", "import", VaadinIcon.UPLOAD));
            nav.addItem(item("nav.collect", "collect", VaadinIcon.GLOBE_WIRE));
        }
        nav.addItem(item("nav.agencies", "agencies", VaadinIcon.OFFICE));
        if (authentication.hasRole(Role.ADMIN.name())) {
            nav.addItem(item("nav.users", "users", VaadinIcon.USERS));
        }
        return nav;
    }

    private SideNavItem item(String key, String path, VaadinIcon icon) {
        SideNavItem item = new SideNavItem(getTranslation(key), path, icon.create());
        // the web component's own words for screen readers are English; say them in the chosen language
        elemental.json.JsonObject i18n = elemental.json.Json.createObject();
        i18n.put("toggle", getTranslation("shell.nav-toggle"));
        item.getElement().setPropertyJson("i18n", i18n);
        return item;
    }
}
