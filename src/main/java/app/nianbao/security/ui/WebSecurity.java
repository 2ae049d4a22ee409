package app.nianbao.security.ui;

import java.io.IOException;
import java.time.Clock;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;

import app.nianbao.security.AccountChanges;
import app.nianbao.security.LoginThrottle;
import app.nianbao.security.PublicVisitor;
import app.nianbao.security.Role;
import app.nianbao.security.SessionFollowsAccount;
import app.nianbao.security.UserService;

/**
 * Views declare who may open them ({@code @RolesAllowed}, {@code @PermitAll}); everything else is
 * closed. The read-only API answers HTTP Basic for scripts, without sessions.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class WebSecurity {

    /**
     * What a page may load and run: its own origin only. Vaadin needs inline and evaluated
     * scripts and inline styles to start its client engine and run what the server sends; data
     * and blob URLs carry the charts' PNG downloads; no page may frame this one.
     */
    static final String VIEWS_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** The API answers JSON and CSV, which load nothing. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private final boolean publicRead;

    WebSecurity(@Value("${nianbao.security.public-read:false}") boolean publicRead) {
        this.publicRead = publicRead;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    LoginThrottle loginThrottle(UserService users, PasswordEncoder encoder, AccountChanges changes) {
        return new LoginThrottle(users, encoder, Clock.systemUTC(), changes);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**")
                // the bulk export is for accounts: in public-read mode a visitor reads the views and series, not the whole store
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/v1/figures.csv").access((authentication, context) -> new AuthorizationDecision(
                                authentication.get() != null && authentication.get().isAuthenticated()
                                        && !PublicVisitor.is(authentication.get().getName())
                                        && authentication.get().getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_VIEWER"))))
                        .anyRequest().hasRole(Role.VIEWER.name()))
                .httpBasic(basic -> basic.authenticationEntryPoint(WebSecurity::unauthorized))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(WebSecurity::unauthorized)
                        .accessDeniedHandler((request, response, denied) -> answer(response, HttpServletResponse.SC_FORBIDDEN,
                                "无权访问 / forbidden")))
                // GET only, no session cookie: nothing for a forged request to ride on
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY)));
        admitPublicVisitors(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain views(HttpSecurity http, UserService users, AccountChanges changes) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**").permitAll());
        http.addFilterAfter(new SessionFollowsAccount(users, changes), SecurityContextHolderFilter.class);
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(VIEWS_POLICY)));
        admitPublicVisitors(http);
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }

    /**
     * Writes the status itself: sendError would dispatch to the error page, which belongs to
     * the views and answers a script with a redirect to the sign-in form.
     */
    private static void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"nianbao\"");
        answer(response, HttpServletResponse.SC_UNAUTHORIZED, "需要登录（HTTP Basic）/ sign-in required (HTTP Basic)");
    }

    private static void answer(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"error\": \"" + message + "\"}");
    }

    private void admitPublicVisitors(HttpSecurity http) {
        if (publicRead) {
            http.addFilterBefore(new PublicVisitor(), AnonymousAuthenticationFilter.class);
        }
    }
}
