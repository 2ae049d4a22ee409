package app.nianbao.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every request under /api that no endpoint answers gets a JSON answer: 404 for a path that
 * does not exist, 405 for a method the read-only API does not take. Without this the request
 * would fall through to the views' servlet and come back as the application's HTML page.
 */
@RestController
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiFallback {

    @RequestMapping("/api/**")
    ResponseEntity<Answers.ErrorJson> unknown(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).header("Allow", "GET")
                    .body(new Answers.ErrorJson("只读接口只接受 GET / the API is read-only: GET only, not " + request.getMethod()));
        }
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Answers.ErrorJson("没有这个接口 / no such API path: "
                + request.getRequestURI() + "; see README for the paths"));
    }
}
