package app.nianbao.security;

import java.time.LocalDateTime;

public record UserAccount(String username, Role role, boolean enabled, LocalDateTime createdAt) {
}
