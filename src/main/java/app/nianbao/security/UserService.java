package app.nianbao.security;

import static app.nianbao.store.jooq.Tables.APP_USER;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Pattern;

import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The accounts of the web application, with their password hashes kept in the store. */
@Service
public class UserService implements UserDetailsService {

    public static final int MIN_PASSWORD_LENGTH = 10;
    public static final int MAX_PASSWORD_BYTES = 72;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{2,32}");

    private final DSLContext dsl;
    private final PasswordEncoder passwords;

    private final AccountChanges changes;

    public UserService(DSLContext dsl, PasswordEncoder passwords, AccountChanges changes) {
        this.dsl = dsl;
        this.passwords = passwords;
        this.changes = changes;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var user = dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOptional()
                .orElseThrow(() -> new UsernameNotFoundException(username));
        return User.withUsername(user.getUsername())
                .password(user.getPasswordHash())
                .disabled(!user.getEnabled())
                .authorities(AuthorityUtils.createAuthorityList(Role.valueOf(user.getRole()).authorities()))
                .build();
    }

    public List<UserAccount> list() {
        return dsl.select(APP_USER.USERNAME, APP_USER.ROLE.convertFrom(Role::valueOf), APP_USER.ENABLED, APP_USER.CREATED_AT)
                .from(APP_USER).orderBy(APP_USER.USERNAME)
                .fetch(Records.mapping(UserAccount::new));
    }

    public boolean isEmpty() {
        return !dsl.fetchExists(APP_USER);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void create(String username, String password, Role role) {
        insert(username, password, role);
    }

    /**
     * The first account, made at the first start while the store has none. Nobody can sign in
     * yet, so the role check of {@link #create} cannot guard it: the empty store does, read in the
     * same transaction. Answers false, writing nothing, once any account exists.
     */
    @Transactional
    public boolean createFirstAdmin(String username, String password) {
        if (!isEmpty()) {
            return false;
        }
        insert(username, password, Role.ADMIN);
        return true;
    }

    private void insert(String username, String password, Role role) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("用户名须为 2–32 个字母、数字或 _ . - / a username is 2–32 letters, digits or _ . -");
        }
        if (dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(username))) {
            throw new IllegalArgumentException("用户名已存在 / the username is taken: " + username);
        }
        dsl.insertInto(APP_USER)
                .set(APP_USER.USERNAME, username)
                .set(APP_USER.PASSWORD_HASH, hash(password))
                .set(APP_USER.ROLE, role.name())
                .set(APP_USER.ENABLED, true)
                .set(APP_USER.CREATED_AT, LocalDateTime.now())
                .execute();
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void resetPassword(String username, String password) {
        update(username, true, dsl.update(APP_USER).set(APP_USER.PASSWORD_HASH, hash(password))
                .where(APP_USER.USERNAME.eq(username)).execute());
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void setEnabled(String username, boolean enabled) {
        update(username, !enabled, dsl.update(APP_USER).set(APP_USER.ENABLED, enabled).where(APP_USER.USERNAME.eq(username)).execute());
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void setRole(String username, Role role) {
        update(username, false, dsl.update(APP_USER).set(APP_USER.ROLE, role.name()).where(APP_USER.USERNAME.eq(username)).execute());
    }

    private String hash(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("密码至少 %d 个字符 / a password has at least %d characters"
                    .formatted(MIN_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH));
        }
        // bcrypt reads 72 bytes: a longer password would be cut without a word
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("密码不能超过 %d 字节（约 24 个汉字或 72 个字母） / a password has at most %d bytes (72 letters, about 24 Chinese characters)"
                    .formatted(MAX_PASSWORD_BYTES, MAX_PASSWORD_BYTES));
        }
        return passwords.encode(password);
    }

    /** Every change of an account is told at once, so that its open sessions and cached sign-ins follow it. */
    private void update(String username, boolean endsSessions, int rows) {
        if (rows == 0) {
            throw new IllegalArgumentException("没有这个用户 / no such user: " + username);
        }
        changes.changed(username, endsSessions);
    }
}
