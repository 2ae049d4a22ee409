package app.nianbao.collect.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.Test;

import app.nianbao.KaribuTestBase;
import app.nianbao.collect.CollectService;

class CollectViewTest extends KaribuTestBase {

    @Test
    void a_source_list_with_a_bad_row_is_refused_with_its_line() {
        UI.getCurrent().navigate(CollectView.class);

        _setValue(_get(TextArea.class), "agency,url\n平潭,https://www.pingtan.gov.cn/ndbg/\n淮安,not a url\n");
        _click(_get(Button.class, spec -> spec.withText("开始采集")));

        assertThat(status()).contains("第 3 行").contains("not a url");
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_internal_address_is_refused_by_default_and_the_page_says_why_while_it_stays_live() throws Exception {
        UI.getCurrent().navigate(CollectView.class);

        _setValue(_get(TextArea.class), "agency,url\n内网,http://127.0.0.1:9/ndbg/\n");
        _click(_get(Button.class, spec -> spec.withText("开始采集")));
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (!status().startsWith("采集完成") && Instant.now().isBefore(until)) {
            Thread.sleep(50);
            MockVaadin.clientRoundtrip();
        }

        assertThat(status()).isEqualTo("采集完成：1 个网址（拒绝 1）");
        Grid<CollectService.Result> run = _get(Grid.class, spec -> spec.withClasses("collect-run"));
        assertThat(GridKt._get(run, 0).detail()).contains("内部地址");
        assertThat(_get(Button.class, spec -> spec.withText("开始采集")).isEnabled()).isTrue();
    }

    private static String status() {
        return _get(Span.class, spec -> spec.withClasses("collect-status")).getText();
    }
}
