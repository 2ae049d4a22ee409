package app.nianbao.security;

import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * There is no default password: the first start creates {@code admin} with the password from
 * NIANBAO_ADMIN_PASSWORD, or with a random one that is printed to the log this once.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    static final String ADMIN = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final UserService users;
    private final String configuredPassword;

    AdminBootstrap(UserService users, @Value("${nianbao.security.admin-password:}") String configuredPassword) {
        this.users = users;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!configuredPassword.isBlank()) {
            if (users.createFirstAdmin(ADMIN, configuredPassword)) {
                log.info("已创建管理员账户 admin，密码取自 NIANBAO_ADMIN_PASSWORD / created the admin account with the password from NIANBAO_ADMIN_PASSWORD");
            }
            return;
        }
        String generated = randomPassword();
        if (!users.createFirstAdmin(ADMIN, generated)) {
            return;
        }
        log.warn("""

                ================================================================
                已创建管理员账户 admin，初始密码（只显示这一次）：{}
                Created the admin account; its password (shown only this once): {}
                ================================================================""", generated, generated);
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
