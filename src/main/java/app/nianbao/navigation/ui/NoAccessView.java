package app.nianbao.navigation.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a signed-in user sees on a page their role may not open: a page in the shell that says
 * so and how to get the role, instead of Vaadin's bare "Could not navigate to …". The address is
 * one the side navigation never offered them, so naming it reveals nothing.
 */
@ParentLayout(MainLayout.class)
@PermitAll
class NoAccessView extends Main implements HasErrorParameter<AccessDeniedException> {

    NoAccessView() {
        addClassName("view");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        removeAll();
        add(new H2(getTranslation("access.denied.title")),
                new Paragraph(getTranslation("access.denied.text", "/" + event.getLocation().getPath())),
                new Anchor("", getTranslation("access.denied.back")));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
