package app.nianbao.security.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.nianbao.KaribuTestBase;
import app.nianbao.ViewRoutes;
import app.nianbao.report.ReportService;
import app.nianbao.security.Role;

/**
 * Who may open which view. Every route must appear here: a new view without an access
 * annotation, or with one that differs from this table, fails the build.
 */
class AccessMatrixTest extends KaribuTestBase {

    /** The least role each route needs; "anyone" for the sign-in page. */
    private static final Map<String, String> MATRIX = Map.ofEntries(
            Map.entry("", "VIEWER"),
            Map.entry("volumes", "VIEWER"),
            Map.entry("outcomes", "VIEWER"),
            Map.entry("review", "VIEWER"),
            Map.entry("compare", "VIEWER"),
            Map.entry("changes", "VIEWER"),
            Map.entry("publication", "VIEWER"),
            Map.entry("quality", "VIEWER"),
            Map.entry("reports", "VIEWER"),
            Map.entry("notes", "VIEWER"),
            Map.entry("reports/:agencyId([0-9]{1,18})/:year([0-9]{4})", "VIEWER"),
            Map.entry("agencies", "VIEWER"),
            Map.entry("import", "ANALYST"),
            Map.entry("collect", "ANALYST"),
            Map.entry("users", "ADMIN"),
            Map.entry("login", "anyone"));

    @Autowired
    ReportService reports;

    @Test
    void every_route_declares_exactly_the_access_the_matrix_gives_it() {
        Map<String, String> declared = new TreeMap<>();
        for (Class<? extends Component> view : ViewRoutes.all()) {
            declared.put(view.getAnnotation(Route.class).value(), access(view));
        }
        assertEquals(new TreeMap<>(MATRIX), declared);
    }

    @Test
    void each_role_opens_exactly_the_views_its_rank_allows() {
        for (Role role : Role.values()) {
            signInAs("matrix-" + role.name().toLowerCase(), role);
            MATRIX.forEach((route, least) -> {
                if (least.equals("anyone")) {
                    return;
                }
                boolean allowed = role.compareTo(Role.valueOf(least)) >= 0;
                assertThat(opens(concrete(route)))
                        .as("%s opening /%s", role, route)
                        .isEqualTo(allowed);
            });
        }
    }

    @Test
    void nobody_signed_in_is_sent_to_the_sign_in_page() {
        signOut();
        UI.getCurrent().navigate("volumes");
        assertThat(currentView()).isEqualTo(LoginView.class);
    }

    private boolean opens(String path) {
        UI.getCurrent().navigate(path);
        Class<?> shown = currentView();
        return shown != null && shown.getAnnotation(Route.class) != null
                && !shown.equals(LoginView.class) && matches(shown.getAnnotation(Route.class).value(), path);
    }

    private static Class<?> currentView() {
        return UI.getCurrent().getInternals().getActiveRouterTargetsChain().stream().findFirst().map(Object::getClass).orElse(null);
    }

    private static boolean matches(String template, String path) {
        return template.equals(path) || (template.contains(":") && path.startsWith(template.substring(0, template.indexOf(':'))));
    }

    private String concrete(String route) {
        if (!route.contains(":")) {
            return route;
        }
        var any = reports.listCurrent("").get(0);
        return "reports/" + any.agencyId() + "/" + any.year();
    }

    private static String access(Class<?> view) {
        Optional<RolesAllowed> roles = Optional.ofNullable(view.getAnnotation(RolesAllowed.class));
        int declared = (roles.isPresent() ? 1 : 0) + (view.isAnnotationPresent(PermitAll.class) ? 1 : 0)
                + (view.isAnnotationPresent(AnonymousAllowed.class) ? 1 : 0) + (view.isAnnotationPresent(DenyAll.class) ? 1 : 0);
        if (declared != 1) {
            return "undeclared or ambiguous";
        }
        if (view.isAnnotationPresent(AnonymousAllowed.class)) {
            return "anyone";
        }
        return roles.map(r -> String.join(",", Arrays.asList(r.value()))).orElse("any signed-in user");
    }
}
