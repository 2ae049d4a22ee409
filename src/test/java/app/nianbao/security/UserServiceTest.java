package app.nianbao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithMockUser;

import app.nianbao.SpringTestBase;

@WithMockUser(roles = "ADMIN")
class UserServiceTest extends SpringTestBase {

    @Autowired
    UserService users;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void the_first_start_made_an_admin_with_the_configured_password_stored_as_a_bcrypt_hash() {
        var admin = users.loadUserByUsername("admin");
        assertThat(admin.getPassword()).startsWith("{bcrypt}").doesNotContain(ADMIN_PASSWORD);
        assertThat(encoder.matches(ADMIN_PASSWORD, admin.getPassword())).isTrue();
        assertThat(admin.getAuthorities()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_VIEWER", "ROLE_ANALYST", "ROLE_ADMIN");
    }

    @Test
    void accounts_are_created_reset_and_disabled() {
        users.create("zhang.wei", "first-password", Role.ANALYST);
        users.resetPassword("zhang.wei", "second-password");
        users.setEnabled("zhang.wei", false);
        var user = users.loadUserByUsername("zhang.wei");
        assertThat(encoder.matches("second-password", user.getPassword())).isTrue();
        assertThat(user.isEnabled()).isFalse();
        assertThat(user.getAuthorities()).extracting(Object::toString).containsExactlyInAnyOrder("ROLE_VIEWER", "ROLE_ANALYST");
    }

    @Test
    void short_passwords_bad_names_and_taken_names_are_refused_with_a_reason() {
        assertThatThrownBy(() -> users.create("wang", "short", Role.VIEWER)).hasMessageContaining("密码至少");
        assertThatThrownBy(() -> users.create("<script>", "long-enough-password", Role.VIEWER)).hasMessageContaining("用户名");
        assertThatThrownBy(() -> users.create("admin", "long-enough-password", Role.VIEWER)).hasMessageContaining("已存在");
        assertThatThrownBy(() -> users.resetPassword("nobody", "long-enough-password")).hasMessageContaining("没有这个用户");
    }

    @Test
    void a_password_longer_than_bcrypt_reads_is_refused_rather_than_cut_short_silently() {
        String seventyTwoLetters = "a".repeat(72);
        String twentyFiveHanzi = "密".repeat(25);

        users.create("long.password", seventyTwoLetters, Role.VIEWER);
        assertThatThrownBy(() -> users.resetPassword("long.password", seventyTwoLetters + "b")).hasMessageContaining("72 字节")
                .hasMessageContaining("72 bytes");
        assertThatThrownBy(() -> users.create("hanzi.password", twentyFiveHanzi, Role.VIEWER)).hasMessageContaining("72 字节");
        // the refused reset left the password as it was
        assertThat(encoder.matches(seventyTwoLetters, users.loadUserByUsername("long.password").getPassword())).isTrue();
    }
}
