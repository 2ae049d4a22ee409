package app.nianbao.api;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A page of a long answer: a national list has 100,000 rows (tens of MB as JSON), which no
 * client should have to take whole to read its first screen. The rows keep their order; the
 * headers say how many there are ({@code X-Total-Count}) and where the next page is
 * ({@code Link: <…>; rel="next"}, as GitHub's API pages), so a list stays a JSON array.
 */
record Page(int offset, int limit) {

    static final int DEFAULT_LIMIT = 1_000;
    static final int MAX_LIMIT = 10_000;

    static Page of(int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("offset ≥ 0 且 1 ≤ limit ≤ %d / offset must be at least 0 and limit from 1 to %d"
                    .formatted(MAX_LIMIT, MAX_LIMIT));
        }
        return new Page(offset, limit);
    }

    <T> List<T> of(List<T> all) {
        return offset >= all.size() ? List.of() : all.subList(offset, Math.min(all.size(), offset + limit));
    }

    boolean hasNext(int total) {
        return (long) offset + limit < total;
    }

    /** The total and, when there is more, the link to the next page of the request being answered. */
    HttpHeaders headers(int total) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Total-Count", String.valueOf(total));
        if (hasNext(total)) {
            String next = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("offset", offset + limit)
                    .replaceQueryParam("limit", limit).build().toUriString();
            headers.set(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        headers.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "X-Total-Count, Link");
        return headers;
    }
}
