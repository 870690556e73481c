package org.pchatdr.portal.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a request says, through the headers browsers set and pages cannot forge ({@code Origin},
 * {@code Sec-Fetch-Site}), that another site sent it. Programs send neither header and pass. The
 * portal's own origin is the one the request arrived at, after {@code PORTAL_FORWARD_HEADERS}.
 */
final class SameOrigin {

    /** Fetch Metadata values of requests the portal's own pages, or the user typing, make. */
    private static final Set<String> OWN_FETCH_SITES = Set.of("same-origin", "none");

    private SameOrigin() {}

    static boolean isCrossSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !OWN_FETCH_SITES.contains(fetchSite.trim().toLowerCase(Locale.ROOT))) {
            return true;
        }
        String origin = request.getHeader("Origin");
        return origin != null && !isOwn(request, origin);
    }

    /** Whether {@code origin} is scheme, host and port of this request ("null" never is). */
    static boolean isOwn(HttpServletRequest request, String origin) {
        try {
            URI uri = new URI(origin.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return false;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            return scheme.equals(request.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost().equalsIgnoreCase(request.getServerName())
                    && port(scheme, uri.getPort()) == port(scheme, request.getServerPort());
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static int port(String scheme, int port) {
        if (port > 0) {
            return port;
        }
        return scheme.equals("https") ? 443 : 80;
    }
}
