package org.pchatdr.portal.security.internal;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.pchatdr.portal.base.Roles;
import org.pchatdr.portal.base.api.ApiErrors;
import org.pchatdr.portal.base.api.ErrorByType;
import org.pchatdr.portal.base.api.LogValues;
import org.pchatdr.portal.security.ui.LoginView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureServiceExceptionEvent;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two filter chains over one user store: the REST API and actuator (HTTP Basic, stateless, JSON
 * errors, no CSRF token since no browser session exists there, but no cross-site requests either)
 * and the Vaadin UI (sign-in page, session that follows the account, Vaadin's CSRF protection).
 * Decisions 003 and 015.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * Why a request is not let in, most precise first. Issue 15: the directory's own answers before
     * the generic ones; decision 021: a bearer JWT whose groups claim gives no role, or whose name is
     * another account's. An {@link InternalAuthenticationServiceException} otherwise means that the
     * attempt could not be recorded, so it was refused (fail closed). Anything else: not signed in.
     */
    private static final List<ErrorByType> UNAUTHORIZED = List.of(
            new ErrorByType(
                    DirectoryException.Unavailable.class,
                    HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "directory_unavailable"),
            new ErrorByType(DirectoryException.NoMappedClaim.class, HttpServletResponse.SC_FORBIDDEN, "oidc_no_role"),
            new ErrorByType(DirectoryException.NameTaken.class, HttpServletResponse.SC_FORBIDDEN, "oidc_name_taken"),
            new ErrorByType(
                    DirectoryException.NoMappedGroup.class, HttpServletResponse.SC_FORBIDDEN, "directory_no_role"),
            new ErrorByType(
                    InternalAuthenticationServiceException.class,
                    HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "database_unavailable"),
            new ErrorByType(Throwable.class, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized"));

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /**
     * Vaadin needs inline and evaluated scripts and inline styles, nothing from elsewhere
     * (https://vaadin.com/docs/latest/flow/security/advanced-topics/frequent-issues).
     */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
                    + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
                    + "connect-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            ApiErrors errors,
            UserAccountRepository accounts,
            ApiCredentialsFilter.Factory apiCredentials,
            MetricsTokenFilter.Factory metricsToken,
            PortalAuthentication authentication,
            OidcSignIn oidc)
            throws Exception {
        // No "WWW-Authenticate: Basic": it makes browsers ask for, and then cache and send on their
        // own, credentials that a page of another site could use. Programs send Basic unasked.
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            ErrorByType answer = ErrorByType.first(UNAUTHORIZED, e).orElseThrow();
            errors.write(request, response, answer.status(), answer.code());
        };
        AccessDeniedHandler forbidden = (request, response, e) ->
                errors.write(request, response, HttpServletResponse.SC_FORBIDDEN, "forbidden");
        http.authenticationManager(authentication.manager());
        // Issue 15, decision 021: the OpenID provider's bearer JWTs, beside Basic and the portal's tokens.
        if (oidc.enabled()) {
            http.oauth2ResourceServer(resource -> resource.bearerTokenResolver(oidc::bearerJwt)
                    .authenticationEntryPoint(unauthorized)
                    .accessDeniedHandler(forbidden)
                    .jwt(jwt -> jwt.authenticationManager(oidc.bearerManager())));
        }
        return http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        // Issue 16: administrators, or a scraper with PORTAL_METRICS_TOKEN.
                        .requestMatchers(MetricsTokenFilter.PATH)
                        .hasAnyAuthority("ROLE_" + Roles.ADMIN, MetricsTokenFilter.AUTHORITY)
                        .requestMatchers("/actuator/**")
                        .hasRole(Roles.ADMIN)
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(CrossSiteFilters.api(errors), BasicAuthenticationFilter.class)
                // API tokens, and 429 for addresses that failed too often (issue 11).
                .addFilterBefore(apiCredentials.create(), BasicAuthenticationFilter.class)
                .addFilterBefore(metricsToken.create(), ApiCredentialsFilter.class)
                .addFilterAfter(new PasswordChangeRequiredFilter(accounts, errors), BasicAuthenticationFilter.class)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiSecurity(
            HttpSecurity http, SessionGenerations sessions, PortalAuthentication authentication, OidcSignIn oidc)
            throws Exception {
        http.authenticationManager(authentication.manager());
        // Before Vaadin's rules: otherwise the sign-in page is unstyled (see stack.md).
        http.authorizeHttpRequests(
                requests -> requests.requestMatchers("/styles/**").permitAll());
        // Issue 15, decision 021: "Sign in with <company>" beside the local form. The code the
        // provider sends back is checked by the portal's one manager (PortalAuthentication), and a
        // refusal lands on the sign-in page with its reason, like a wrong password.
        if (oidc.enabled()) {
            http.oauth2Login(login -> login.loginPage("/login")
                    .failureUrl("/login?error")
                    .clientRegistrationRepository(oidc.registrations())
                    .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                    // The provider down when "Sign in with …" is clicked: the sign-in page says so.
                    .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                        @Override
                        public <F extends OAuth2AuthorizationRequestRedirectFilter> F postProcess(F filter) {
                            filter.setAuthenticationFailureHandler(oidc.authorizationFailureHandler());
                            return filter;
                        }
                    }));
        }
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> {
            vaadin.loginView(LoginView.class);
            if (oidc.enabled()) {
                vaadin.logoutSuccessHandler(oidc.logoutSuccessHandler());
            }
        });
        http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
        http.addFilterAfter(sessions.filter(), SecurityContextHolderFilter.class);
        http.addFilterBefore(CrossSiteFilters.signInOrigin("/login"), CsrfFilter.class);
        http.addFilterAfter(CrossSiteFilters.signInCsrf("/login"), CsrfFilter.class);
        // Written eagerly: written on commit, they never reached the pages Vaadin serves.
        http.headers(headers -> headers.withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <F extends HeaderWriterFilter> F postProcess(F filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                })
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .permissionsPolicyHeader(
                        permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")));
        return http.build();
    }

    /**
     * Requests the firewall refuses (encoded NUL, control characters, path tricks) get the JSON
     * error and one escaped log line, not a stack trace.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ApiErrors errors) {
        return (request, response, e) -> {
            log.info(
                    "Refused {} {}: {}",
                    request.getMethod(),
                    LogValues.escape(request.getRequestURI()),
                    LogValues.escape(e.getMessage()));
            errors.write(request, response, HttpServletResponse.SC_BAD_REQUEST, "bad_request");
        };
    }

    /**
     * Spring Security observes every authorization decision and every filter of every request unless
     * told otherwise: a timer and its bookkeeping around each {@code @PreAuthorize}, 3.6 % of a run
     * transition's CPU in the profile of bench/runs.sh (issue 10). The portal's own meters (README,
     * "Metrics") say what operators watch; sign-ins stay observed.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.withDefaults()
                .shouldObserveAuthorizations(false)
                .shouldObserveRequests(false)
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Failed and successful sign-ins become application events: lockout and audit listen to them. */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        DefaultAuthenticationEventPublisher events = new DefaultAuthenticationEventPublisher(publisher);
        // The directory's refusals (issue 15) are failures like the others: audited by SignInMonitor.
        events.setAdditionalExceptionMappings(Map.of(
                DirectoryException.NoMappedGroup.class,
                AuthenticationFailureDisabledEvent.class,
                // Decision 021: the OpenID refusals, mapped by their exact class.
                DirectoryException.NoMappedClaim.class,
                AuthenticationFailureDisabledEvent.class,
                DirectoryException.NameTaken.class,
                AuthenticationFailureDisabledEvent.class,
                DirectoryException.Unavailable.class,
                AuthenticationFailureServiceExceptionEvent.class));
        return events;
    }
}
