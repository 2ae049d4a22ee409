package app.nianbao;

import java.util.HashSet;
import java.util.Set;

import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Route;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;

/**
 * Every view of the product, and its error views. Views are package-private, which Karibu's own discovery skips,
 * so they are found here with visibility ignored.
 */
public final class ViewRoutes {

    private ViewRoutes() {
    }

    public static Set<Class<? extends Component>> all() {
        Set<Class<? extends Component>> views = new HashSet<>();
        try (ScanResult scan = new ClassGraph().enableAnnotationInfo().ignoreClassVisibility()
                .acceptPackages("app.nianbao").scan()) {
            scan.getClassesWithAnnotation(Route.class).forEach(c -> views.add(c.loadClass(Component.class)));
        }
        return views;
    }

    /** The product's own error views (no access), found the same way. */
    @SuppressWarnings("unchecked")
    static Set<Class<? extends com.vaadin.flow.router.HasErrorParameter<?>>> errorViews() {
        Set<Class<? extends com.vaadin.flow.router.HasErrorParameter<?>>> views = new HashSet<>();
        try (ScanResult scan = new ClassGraph().enableClassInfo().ignoreClassVisibility().acceptPackages("app.nianbao").scan()) {
            scan.getClassesImplementing(com.vaadin.flow.router.HasErrorParameter.class)
                    .forEach(c -> views.add((Class<? extends com.vaadin.flow.router.HasErrorParameter<?>>) c.loadClass()));
        }
        return views;
    }

    public static Routes karibu() {
        return new Routes(all(), errorViews(), true);
    }
}
