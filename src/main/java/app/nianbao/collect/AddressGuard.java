package app.nianbao.collect;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Keeps the collector to the public web: only {@code http} and {@code https}, and — unless the
 * operator allows it — no host that resolves to a loopback, private, link-local, shared
 * (100.64/10), unspecified or multicast address, so that a source list cannot make the server
 * fetch its own admin endpoints or the intranet around it (SSRF). Every redirect is checked again.
 */
public final class AddressGuard {

    /** A URL the collector will not fetch, with the reason in Chinese and English. */
    public static class RefusedException extends Exception {
        public RefusedException(String message) {
            super(message);
        }
    }

    private final boolean allowPrivate;

    public AddressGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    public void check(URI uri) throws RefusedException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedException("只采集 http/https 地址，拒绝「%s」/ only http and https are collected, refused: %s".formatted(uri, uri));
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new RefusedException("地址没有主机名 / the URL has no host: " + uri);
        }
        if (uri.getUserInfo() != null) {
            throw new RefusedException("地址不能包含用户名或密码 / a URL with a user name or password is refused: " + uri.getHost());
        }
        if (allowPrivate) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new RefusedException("无法解析主机名 / the host cannot be resolved: " + uri.getHost());
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                throw new RefusedException("「%s」指向内部地址 %s，未配置允许 / %s resolves to the internal address %s (not allowed by configuration)"
                        .formatted(uri.getHost(), address.getHostAddress(), uri.getHost(), address.getHostAddress()));
            }
        }
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            // 0/8 "this network", 100.64/10 carrier-grade NAT, 169.254/16 is link-local above, 198.18/15 benchmarking
            return first == 0 || (first == 100 && second >= 64 && second < 128) || (first == 198 && (second == 18 || second == 19));
        }
        if (address instanceof Inet6Address) {
            // fc00::/7 unique local addresses; an IPv4-mapped address is judged as the IPv4 address
            if ((b[0] & 0xfe) == 0xfc) {
                return true;
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
