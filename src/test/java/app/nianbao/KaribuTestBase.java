package app.nianbao;

import java.security.Principal;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import app.nianbao.security.Role;

/**
 * Browserless view tests: a mocked Vaadin UI per test over the shared application context,
 * signed in as an administrator unless a test signs in otherwise. Without a servlet container
 * Spring Security's filters never run, so the faked request reads the user from the security
 * context, as Spring's request wrapper would.
 */
public abstract class KaribuTestBase extends SpringTestBase {

    @Autowired
    private ApplicationContext context;

    @BeforeEach
    void setUpVaadin() {
        // method security reads the strategy of this test's Spring context; another context started
        // since (a test with other settings) has replaced the global one
        context.getBeanProvider(org.springframework.security.core.context.SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
        signInAs("admin", Role.ADMIN);
        MockVaadin.setMockRequestFactory(session -> {
            FakeRequest request = new FakeRequest(session) {
                @Override
                public Principal getUserPrincipal() {
                    return SecurityContextHolder.getContext().getAuthentication();
                }
            };
            request.setUserInRole((principal, role) -> {
                Authentication user = SecurityContextHolder.getContext().getAuthentication();
                return user != null && AuthorityUtils.authorityListToSet(user.getAuthorities()).contains("ROLE_" + role);
            });
            return request;
        });
        MockVaadin.setup(UI::new, new MockSpringServlet(ViewRoutes.karibu(), context, UI::new));
    }

    /** Signs in for the UIs made from now on; a view already shown keeps what it rendered. */
    protected static void signInAs(String username, Role role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, AuthorityUtils.createAuthorityList(role.authorities())));
    }

    protected static void signOut() {
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }
}
