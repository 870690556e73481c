package org.pchatdr.portal.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real HTTP client against the running portal: HTTP Basic for the API, the sign-in form for the UI. */
public class PortalHttp {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");
    private static final Pattern SYNC_ID = Pattern.compile("\"syncId\":(\\d+)");

    private final String base;
    private final HttpClient client;

    public PortalHttp(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public HttpResponse<String> get(String path, String username, String password, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (username != null) {
            request.header("Authorization", basic(username, password));
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** A body-less API action, sent as every API client must: {@code Content-Type: application/json}. */
    public HttpResponse<String> post(String path, String username, String password, String... headers) {
        String[] withType = new String[headers.length + 2];
        withType[0] = "Content-Type";
        withType[1] = "application/json";
        System.arraycopy(headers, 0, withType, 2, headers.length);
        return request("POST", path, username, password, null, withType);
    }

    /** Exactly this request: no header but {@code headers} (and Basic when {@code username} is given). */
    public HttpResponse<String> request(
            String method, String path, String username, String password, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (username != null) {
            request.header("Authorization", basic(username, password));
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** A PUT of a JSON {@code body}. */
    public HttpResponse<String> put(String path, String username, String password, String body, String... headers) {
        return authorized("PUT", path, username == null ? null : basic(username, password), body, headers);
    }

    /**
     * Any method, with the {@code Authorization} header given whole (a bearer token, say) or none
     * when null, and a JSON body when not null. Every call but a GET says its body is JSON, body or
     * not, as the API requires of every change (issue 11).
     */
    public HttpResponse<String> authorized(
            String method, String path, String authorization, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        json == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (!method.equals("GET")) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public String base() {
        return base;
    }

    public static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Signs in through the sign-in page, as a browser would (with the page's CSRF token and the
     * portal's own {@code Origin}); returns the response to the form post.
     */
    public HttpResponse<String> signInThroughForm(String username, String password, String... headers) {
        HttpResponse<String> page = get("/login", null, null);
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("The sign-in page carries no CSRF token");
        }
        return postSignInForm(
                "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1)),
                headers.length > 0 ? headers : new String[] {"Origin", base});
    }

    /** Posts exactly this sign-in form with exactly these headers, as a page elsewhere could. */
    public HttpResponse<String> postSignInForm(String form, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** An open browser tab of the signed-in session: its Vaadin UI and what the Flow client sends. */
    public final class Tab {
        private final int uiId;
        private final String securityKey;
        private int syncId;
        private int clientId;

        private Tab(int uiId, String securityKey) {
            this.uiId = uiId;
            this.securityKey = securityKey;
        }

        /** What the Flow client sends when the user follows a link to {@code route}; the server's answer. */
        public HttpResponse<String> navigate(String route) {
            String rpc = "{\"csrfToken\":\"" + securityKey + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,"
                    + "\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + route + "\",\"query\":\"\","
                    + "\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}}],"
                    + "\"syncId\":" + syncId + ",\"clientId\":" + clientId + "}";
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/?v-r=uidl&v-uiId=" + uiId))
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(rpc))
                    .build());
            Matcher sync = SYNC_ID.matcher(response.body());
            if (sync.find()) {
                syncId = Integer.parseInt(sync.group(1));
            }
            clientId++;
            return response;
        }
    }

    /** Opens the portal in a tab of this (signed-in) session, as a browser loading the home page. */
    public Tab openTab() {
        HttpResponse<String> init = get("/?v-r=init&location=&query=", null, null);
        Matcher key = SECURITY_KEY.matcher(init.body());
        Matcher ui = UI_ID.matcher(init.body());
        if (init.statusCode() != 200 || !key.find() || !ui.find()) {
            throw new IllegalStateException("No Vaadin UI: " + init.statusCode() + " " + init.body());
        }
        return new Tab(Integer.parseInt(ui.group(1)), key.group(1));
    }

    public String sessionId() {
        return ((CookieManager) client.cookieHandler().orElseThrow())
                .getCookieStore().getCookies().stream()
                        .filter(cookie -> cookie.getName().equals("JSESSIONID"))
                        .map(java.net.HttpCookie::getValue)
                        .findFirst()
                        .orElse(null);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
