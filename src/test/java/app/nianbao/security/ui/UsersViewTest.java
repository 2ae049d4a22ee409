package app.nianbao.security.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.nianbao.KaribuTestBase;
import app.nianbao.security.Role;
import app.nianbao.security.UserAccount;
import app.nianbao.security.UserService;

class UsersViewTest extends KaribuTestBase {

    @Autowired
    UserService users;

    @Test
    @SuppressWarnings("unchecked")
    void an_administrator_creates_an_analyst_who_then_appears_in_the_list() {
        UI.getCurrent().navigate(UsersView.class);
        int before = _size(_get(Grid.class));

        _setValue(_get(TextField.class, spec -> spec.withLabel("用户名")), "chen.jing");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("密码")), "a-long-password");
        // the role field is named, as the other two are
        _setValue(_get(ComboBox.class, spec -> spec.withLabel("角色")), Role.ANALYST);
        _click(_get(Button.class, spec -> spec.withText("新建用户")));

        expectNotifications("已创建用户 chen.jing");
        assertThat(_size(_get(Grid.class))).isEqualTo(before + 1);
        assertThat(users.list()).filteredOn(u -> u.username().equals("chen.jing"))
                .singleElement().extracting(UserAccount::role).isEqualTo(Role.ANALYST);
    }

    @Test
    void a_too_short_password_is_refused_with_the_reason_and_nothing_is_created() {
        UI.getCurrent().navigate(UsersView.class);
        _setValue(_get(TextField.class, spec -> spec.withLabel("用户名")), "short.pw");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("密码")), "abc");
        _click(_get(Button.class, spec -> spec.withText("新建用户")));

        expectNotifications("密码至少 10 个字符");
        assertThat(users.list()).extracting(UserAccount::username).doesNotContain("short.pw");
    }
}
