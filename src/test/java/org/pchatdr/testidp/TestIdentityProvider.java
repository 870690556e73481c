package org.pchatdr.testidp;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID provider for the OIDC tests (issue 15, decision 021): Spring Authorization Server
 * in an application context of its own, started once per test JVM on a free port, outside the
 * portal's packages so that the portal never scans it. It stands in for ADFS or Entra ID: people
 * sign in on its own page, its ID and access tokens carry {@code preferred_username} and a {@code
 * groups} claim that a test may change between two sign-ins, and it advertises an
 * end_session_endpoint (RP-initiated logout). Its issuer is {@code http://localhost:<port>}; the
 * portal is reached at 127.0.0.1, so that the two keep their own cookies and the provider accepts
 * the redirect (it refuses {@code localhost} in redirect URIs, as OAuth 2.1 advises).
 *
 * <p>For the API tests, each "script" client gets, by the client-credentials grant, an access token
 * naming a person with groups — or one from another issuer, or already expired.
 */
public final class TestIdentityProvider {

    public static final String CLIENT_ID = "portal";
    public static final String CLIENT_SECRET = "portal-client-secret";
    public static final String PASSWORD = "Idp-Pass-1";

    private static final String CLIENT_REGISTRATION_ID = "portal-client";
    private static final Map<String, List<String>> GROUPS = new ConcurrentHashMap<>();
    private static final Map<String, Script> SCRIPTS = new ConcurrentHashMap<>();
    private static TestIdentityProvider instance;

    /** What a script client's access token says: a person, their groups, maybe another issuer or a past expiry. */
    public record Script(String username, List<String> groups, String issuer, boolean expired) {}

    private final ConfigurableApplicationContext context;
    private final int port;

    private TestIdentityProvider(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The one provider of this JVM, started at the first call. */
    public static synchronized TestIdentityProvider shared() {
        if (instance == null) {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(Provider.class)
                    .web(WebApplicationType.SERVLET)
                    .bannerMode(org.springframework.boot.Banner.Mode.OFF)
                    // Its own configuration file name: none of the portal's application.properties.
                    .run(
                            "--spring.config.name=test-identity-provider",
                            "--server.port=0",
                            "--server.servlet.session.cookie.name=IDP_SESSION",
                            "--spring.jmx.enabled=false");
            instance = new TestIdentityProvider(context);
            Runtime.getRuntime().addShutdownHook(new Thread(context::close));
            instance.discoveryDocument(); // warm: its first answer is slow on a busy machine
        }
        return instance;
    }

    public String issuer() {
        return "http://localhost:" + port;
    }

    /** The provider's discovery document, as the portal reads it. */
    public String discoveryDocument() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("No discovery document: " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Lets the portal on {@code portalPort} (at 127.0.0.1) receive codes and be returned to after logout. */
    public void allowPortal(int portalPort) {
        InMemoryRegisteredClientRepository clients = context.getBean(InMemoryRegisteredClientRepository.class);
        RegisteredClient current = clients.findById(CLIENT_REGISTRATION_ID);
        String base = "http://127.0.0.1:" + portalPort;
        clients.save(RegisteredClient.from(current)
                .redirectUri(base + "/login/oauth2/code/portal")
                .postLogoutRedirectUri(base + "/login")
                .build());
    }

    /** The groups the provider will put in {@code username}'s next tokens. */
    public void setGroups(String username, String... groups) {
        GROUPS.put(username, List.of(groups));
    }

    /**
     * A real access token from the provider's token endpoint for a new script client whose token
     * says what {@code script} says.
     */
    public String accessToken(Script script) {
        String clientId = "script-" + UUID.randomUUID();
        SCRIPTS.put(clientId, script);
        context.getBean(InMemoryRegisteredClientRepository.class)
                .save(RegisteredClient.withId(clientId)
                        .clientId(clientId)
                        // The repository wants every client's secret to differ.
                        .clientSecret("{noop}" + clientId + "-secret")
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .scope("portal.api")
                        .build());
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/oauth2/token"))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((clientId + ":" + clientId + "-secret")
                                                .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=portal.api"))
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher token =
                    Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException(
                        "The provider gave no token: " + response.statusCode() + " " + response.body());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    @ImportAutoConfiguration({
        PropertyPlaceholderAutoConfiguration.class,
        TomcatServletWebServerAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class,
        JacksonAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class
    })
    static class Provider {

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
            http.securityMatcher(server.getEndpointsMatcher())
                    .with(server, configurer -> configurer.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"),
                            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
            return http.build();
        }

        /**
         * The strategy in force whenever it is asked, not the one at start-up: the portal, started
         * after the provider in the same JVM, installs Vaadin's strategy globally, and parts of the
         * provider read the context through the static holder while others kept the strategy they
         * were built with — the client authenticated by one was not found by the other.
         */
        @Bean
        static SecurityContextHolderStrategy securityContextHolderStrategy() {
            return new SecurityContextHolderStrategy() {
                @Override
                public void clearContext() {
                    SecurityContextHolder.getContextHolderStrategy().clearContext();
                }

                @Override
                public org.springframework.security.core.context.SecurityContext getContext() {
                    return SecurityContextHolder.getContextHolderStrategy().getContext();
                }

                @Override
                public java.util.function.Supplier<org.springframework.security.core.context.SecurityContext>
                        getDeferredContext() {
                    return SecurityContextHolder.getContextHolderStrategy().getDeferredContext();
                }

                @Override
                public void setContext(org.springframework.security.core.context.SecurityContext context) {
                    SecurityContextHolder.getContextHolderStrategy().setContext(context);
                }

                @Override
                public void setDeferredContext(
                        java.util.function.Supplier<org.springframework.security.core.context.SecurityContext>
                                deferred) {
                    SecurityContextHolder.getContextHolderStrategy().setDeferredContext(deferred);
                }

                @Override
                public org.springframework.security.core.context.SecurityContext createEmptyContext() {
                    return SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
                }
            };
        }

        /** The provider's own sign-in page (Spring Security's generated form). */
        @Bean
        @Order(2)
        SecurityFilterChain signIn(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults())
                    .build();
        }

        /** The people of the company; their groups are in {@link #GROUPS}. */
        @Bean
        UserDetailsService people() {
            return new InMemoryUserDetailsManager(
                    User.withUsername("olga").password("{noop}" + PASSWORD).build(),
                    User.withUsername("victor").password("{noop}" + PASSWORD).build(),
                    User.withUsername("admin").password("{noop}" + PASSWORD).build());
        }

        @Bean
        InMemoryRegisteredClientRepository clients() {
            return new InMemoryRegisteredClientRepository(RegisteredClient.withId(CLIENT_REGISTRATION_ID)
                    .clientId(CLIENT_ID)
                    .clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    // Replaced by allowPortal once the portal's port is known.
                    .redirectUri("http://127.0.0.1:1/login/oauth2/code/portal")
                    .scope(OidcScopes.OPENID)
                    .scope(OidcScopes.PROFILE)
                    .scope(OidcScopes.EMAIL)
                    .clientSettings(ClientSettings.builder()
                            .requireAuthorizationConsent(false)
                            .build())
                    .build());
        }

        @Bean
        JWKSource<SecurityContext> keys() throws NoSuchAlgorithmException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString())
                    .build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        /** For the provider's userinfo endpoint, which checks its own access tokens. */
        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }

        /** Names and groups in the tokens, as ADFS and Entra ID put them there. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> claims() {
            return context -> {
                String principal = context.getPrincipal().getName();
                Script script = SCRIPTS.get(principal);
                if (script != null && OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                    context.getClaims()
                            .claim("preferred_username", script.username())
                            .claim("groups", script.groups())
                            .audience(List.of(CLIENT_ID));
                    if (script.issuer() != null) {
                        context.getClaims().issuer(script.issuer());
                    }
                    if (script.expired()) {
                        Instant past = Instant.now().minus(Duration.ofHours(1));
                        context.getClaims().issuedAt(past).notBefore(past).expiresAt(past.plus(Duration.ofMinutes(5)));
                    }
                    return;
                }
                if (script == null) {
                    context.getClaims()
                            .claim("preferred_username", principal)
                            .claim("groups", GROUPS.getOrDefault(principal, List.of()));
                }
            };
        }
    }
}
