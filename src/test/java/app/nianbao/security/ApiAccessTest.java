package app.nianbao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import app.nianbao.SpringTestBase;

/** Every API path, found from the controllers themselves, is closed to anonymous callers. */
class ApiAccessTest extends SpringTestBase {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private List<String> apiPaths() {
        return mappings.getHandlerMethods().keySet().stream()
                .filter(info -> info.getMethodsCondition().getMethods().contains(RequestMethod.GET))
                .flatMap(info -> info.getPatternValues().stream())
                .filter(path -> path.startsWith("/api/"))
                .map(path -> path.replace("{agencyId}", "1").replace("{year}", "2024").replace("{format}", "pdf"))
                .sorted().toList();
    }

    @Test
    void the_api_has_paths_to_check() {
        assertThat(apiPaths()).contains("/api/v1/agencies", "/api/v1/metrics", "/api/v1/compare", "/api/v1/figures.csv");
    }

    @Test
    void anonymous_callers_get_401_on_every_api_path() throws Exception {
        for (String path : apiPaths()) {
            assertThat(status(get(path))).as(path).isEqualTo(401);
        }
    }

    @Test
    void every_role_may_read_every_api_path() throws Exception {
        for (Role role : Role.values()) {
            for (String path : apiPaths()) {
                assertThat(status(get(path).with(signedIn(role))))
                        .as("%s reading %s", role, path).isNotIn(401, 403);
            }
        }
    }

    @Test
    void scripts_sign_in_with_http_basic_and_a_wrong_password_is_refused() throws Exception {
        assertThat(status(get("/api/v1/agencies").with(httpBasic("admin", ADMIN_PASSWORD)))).isEqualTo(200);
        assertThat(status(get("/api/v1/agencies").with(httpBasic("admin", "wrong-password")))).isEqualTo(401);
    }

    @Test
    void nothing_under_the_api_accepts_writes() throws Exception {
        assertThat(status(post("/api/v1/agencies").with(signedIn(Role.ADMIN)))).isEqualTo(405);
    }

    @Test
    void views_send_anonymous_visitors_to_sign_in_and_health_stays_open() throws Exception {
        assertThat(mvc.perform(get("/volumes")).andReturn().getResponse().getRedirectedUrl()).endsWith("/login");
        assertThat(status(get("/actuator/health"))).isEqualTo(200);
    }

    /** As a sign-in grants them: the role and every role below it. */
    private static RequestPostProcessor signedIn(Role role) {
        return user(role.name().toLowerCase()).authorities(AuthorityUtils.createAuthorityList(role.authorities()));
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }
}
