package app.nianbao.navigation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.Test;

import app.nianbao.KaribuTestBase;
import app.nianbao.security.Role;
import app.nianbao.shell.ui.Translations;

class NoAccessViewTest extends KaribuTestBase {

    @Test
    void a_viewer_opening_the_import_gets_a_page_that_says_why_inside_the_shell() {
        signInAs("reader", Role.VIEWER);

        UI.getCurrent().navigate("import");

        assertThat(_get(NoAccessView.class)).isNotNull();
        assertThat(_get(MainLayout.class)).as("the side navigation stays").isNotNull();
        assertThat(_get(H2.class, spec -> spec.withText("没有权限"))).isNotNull();
        assertThat(_get(NoAccessView.class, spec -> { }).getChildren().filter(Paragraph.class::isInstance).findFirst().orElseThrow()
                .getElement().getText()).contains("/import").contains("分析员");
    }

    @Test
    void an_analyst_opening_the_users_page_gets_it_in_english_when_english_is_chosen() {
        signInAs("li.analyst", Role.ANALYST);
        UI.getCurrent().setLocale(Translations.ENGLISH);

        UI.getCurrent().navigate("users");

        assertThat(_get(H2.class, spec -> spec.withText("No access"))).isNotNull();
    }
}
