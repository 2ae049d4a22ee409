package app.nianbao.collect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The links a page offers the collector: on a list page the annual reports (a link whose text
 * names 年度报告 or 年报) and the next pages of the list (下一页, page numbers); on a report page
 * its attachments (PDF, Word, WPS files).
 */
final class Links {

    private static final Pattern REPORT_TEXT = Pattern.compile("(年度报告|年报)");
    private static final Pattern NEXT_PAGE = Pattern.compile("^(下一页|下页|后页|next|›|»|>)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern PAGE_NUMBER = Pattern.compile("^\\d{1,3}$");
    private static final Pattern ATTACHMENT = Pattern.compile("\\.(pdf|docx?|wps)$");

    /** What one page links to, resolved against the page and without fragments. */
    record Found(Set<URI> reports, Set<URI> pages, Set<URI> attachments) {
    }

    private Links() {
    }

    static boolean looksLikeHtml(byte[] body, String contentType) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html")) {
            return true;
        }
        String start = new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return start.contains("<html") || start.contains("<!doctype html");
    }

    static Found of(URI page, byte[] body) {
        Document doc;
        try {
            // the charset from the page's meta or BOM, as a browser finds it
            doc = Jsoup.parse(new ByteArrayInputStream(body), null, page.toString());
        } catch (IOException e) {
            return new Found(Set.of(), Set.of(), Set.of());
        }
        Set<URI> reports = new LinkedHashSet<>();
        Set<URI> pages = new LinkedHashSet<>();
        Set<URI> attachments = new LinkedHashSet<>();
        for (Element a : doc.select("a[href]")) {
            URI target = resolve(a.absUrl("href"));
            if (target == null || target.equals(page)) {
                continue;
            }
            String text = (a.text() + " " + a.attr("title")).strip();
            String path = target.getPath() == null ? "" : target.getPath().toLowerCase(Locale.ROOT);
            if (ATTACHMENT.matcher(path).find()) {
                attachments.add(target);
            }
            if (REPORT_TEXT.matcher(text).find()) {
                reports.add(target);
            } else if (NEXT_PAGE.matcher(a.text().strip()).matches() || PAGE_NUMBER.matcher(a.text().strip()).matches()) {
                if (sameSite(page, target)) {
                    pages.add(target);
                }
            }
        }
        return new Found(reports, pages, attachments);
    }

    private static URI resolve(String absolute) {
        if (absolute == null || absolute.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(absolute.strip().replace(" ", "%20"));
            return new URI(uri.getScheme(), uri.getRawAuthority() == null ? null : uri.getAuthority(), uri.getPath(), uri.getQuery(), null)
                    .normalize();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static boolean sameSite(URI a, URI b) {
        return a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost());
    }
}
