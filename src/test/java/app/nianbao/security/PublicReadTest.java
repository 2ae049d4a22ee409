package app.nianbao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import app.nianbao.SpringTestBase;

/** The transparency-portal mode: reading without an account, writing still behind a role. */
@TestPropertySource(properties = "nianbao.security.public-read=true")
class PublicReadTest extends SpringTestBase {

    @Autowired
    MockMvc mvc;

    @Autowired
    FilterChainProxy security;

    @Test
    void anonymous_visitors_read_the_api() throws Exception {
        assertThat(mvc.perform(get("/api/v1/agencies")).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void anonymous_visitors_reach_the_views_as_the_public_viewer_and_no_higher() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/volumes");
        request.setServletPath("/volumes");
        AtomicReference<Authentication> seen = new AtomicReference<>();
        security.doFilter(request, new MockHttpServletResponse(),
                (req, res) -> seen.set(SecurityContextHolder.getContext().getAuthentication()));
        assertThat(seen.get().getName()).isEqualTo(PublicVisitor.NAME);
        assertThat(seen.get().getAuthorities()).extracting(Object::toString).containsExactly("ROLE_VIEWER");
    }

    @Test
    void the_bulk_export_is_for_accounts_not_for_the_visitor() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/figures.csv"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is(
                        org.hamcrest.Matchers.oneOf(401, 403)));
    }

    @Test
    void the_visitor_name_can_never_be_an_account() {
        assertThat(PublicVisitor.NAME).doesNotMatch("[A-Za-z0-9_.-]{2,32}");
    }
}
