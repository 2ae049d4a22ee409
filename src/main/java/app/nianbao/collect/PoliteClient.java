package app.nianbao.collect;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;

/**
 * Fetches as a polite crawler does: says who it is, asks robots.txt first (once per host),
 * waits between requests to the same host (at least the configured delay, or the site's
 * Crawl-delay if longer), gives up after a timeout, stops reading at the size limit, and follows
 * at most five redirects, each checked by the {@link AddressGuard}. Not thread-safe: one run at a time.
 */
public final class PoliteClient {

    public static final String USER_AGENT_NAME = "NianbaoCollector";

    /** What a URL answered: the status, the bytes (empty for an error status) and where it ended up. */
    public record Fetched(URI uri, int status, byte[] body, String contentType) {

        public boolean gone() {
            return status == 404 || status == 410;
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** A URL that could not be fetched at all: refused, disallowed by robots.txt, too large, or the connection failed. */
    public static class FetchException extends Exception {
        private final boolean refused;

        FetchException(String message) {
            this(message, false);
        }

        FetchException(String message, boolean refused) {
            super(message);
            this.refused = refused;
        }

        /** Not fetched by choice (the address guard or robots.txt), rather than by failure. */
        public boolean refused() {
            return refused;
        }
    }

    private final HttpClient http;
    private final AddressGuard guard;
    private final long delayMillis;
    private final long maxBytes;
    private final String userAgent;
    private final Map<String, BaseRobotRules> robots = new HashMap<>();
    private final Map<String, Long> nextRequest = new HashMap<>();

    public PoliteClient(AddressGuard guard, long delayMillis, long maxBytes, String contact) {
        this.guard = guard;
        this.delayMillis = delayMillis;
        this.maxBytes = maxBytes;
        // HTTP headers are ASCII: the contact (an e-mail or a URL) is dropped if it is not
        String reach = contact == null || contact.isBlank() || !StandardCharsets.US_ASCII.newEncoder().canEncode(contact)
                ? "" : "; " + contact.strip();
        this.userAgent = USER_AGENT_NAME + "/0.1 (government information disclosure annual report collector" + reach + ")";
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Fetched fetch(URI uri) throws FetchException {
        URI current = uri.normalize();
        for (int hop = 0; hop <= 5; hop++) {
            check(current);
            if (!rules(current).isAllowed(current.toString())) {
                throw new FetchException("robots.txt 不允许采集 / robots.txt disallows " + current, true);
            }
            HttpResponse<InputStream> response = send(current);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                close(response);
                current = current.resolve(response.headers().firstValue("Location").get().strip()).normalize();
                continue;
            }
            byte[] body = status >= 200 && status < 300 ? read(current, response) : new byte[0];
            if (!(status >= 200 && status < 300)) {
                close(response);
            }
            return new Fetched(current, status, body, response.headers().firstValue("Content-Type").orElse(""));
        }
        throw new FetchException("重定向超过 5 次 / more than five redirects: " + uri);
    }

    private void check(URI uri) throws FetchException {
        try {
            guard.check(uri);
        } catch (AddressGuard.RefusedException e) {
            throw new FetchException(e.getMessage(), true);
        }
    }

    private BaseRobotRules rules(URI uri) throws FetchException {
        String host = origin(uri);
        BaseRobotRules known = robots.get(host);
        if (known != null) {
            return known;
        }
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        URI robotsUri = URI.create(host + "/robots.txt");
        BaseRobotRules rules;
        try {
            HttpResponse<InputStream> response = send(robotsUri);
            if (response.statusCode() >= 200 && response.statusCode() < 300) {
                rules = parser.parseContent(robotsUri.toString(), read(robotsUri, response),
                        response.headers().firstValue("Content-Type").orElse("text/plain"), List.of(USER_AGENT_NAME.toLowerCase()));
            } else {
                close(response);
                // no robots.txt (4xx) allows all; a failing server (5xx) is left alone for now
                rules = parser.failedFetch(response.statusCode());
            }
        } catch (FetchException e) {
            rules = parser.failedFetch(500);
        }
        robots.put(host, rules);
        return rules;
    }

    private HttpResponse<InputStream> send(URI uri) throws FetchException {
        waitForTurn(uri);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("User-Agent", userAgent)
                .header("Accept", "text/html,application/pdf,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document,*/*;q=0.5")
                .GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new FetchException("无法连接 / cannot fetch %s: %s".formatted(uri, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("采集被中断 / interrupted: " + uri);
        }
    }

    /** One request per host at a time, spaced by the delay or the site's Crawl-delay, whichever is longer. */
    private void waitForTurn(URI uri) throws FetchException {
        String host = origin(uri);
        BaseRobotRules rules = robots.get(host);
        long crawlDelay = rules == null || rules.getCrawlDelay() == BaseRobotRules.UNSET_CRAWL_DELAY ? 0 : Math.min(rules.getCrawlDelay(), 60_000);
        long wait = nextRequest.getOrDefault(host, 0L) - System.currentTimeMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException("采集被中断 / interrupted: " + uri);
            }
        }
        nextRequest.put(host, System.currentTimeMillis() + Math.max(delayMillis, crawlDelay));
    }

    private byte[] read(URI uri, HttpResponse<InputStream> response) throws FetchException {
        try (InputStream in = response.body()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                throw new FetchException("文件超过 %d MB / larger than %d MB: %s".formatted(maxBytes >> 20, maxBytes >> 20, uri));
            }
            return body;
        } catch (IOException e) {
            throw new FetchException("读取中断 / reading failed for %s: %s".formatted(uri, e.getMessage()));
        }
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException e) {
            // the connection is given up either way
        }
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
