package com.tandem.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tandem.request.People;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Sign-in through the company's OpenID Connect provider (profile {@code oidc}, PRODUCT.md §9).
 *
 * <p>Two filter chains of Spring Security:
 *
 * <ul>
 *   <li>{@code /api/**} and {@code /engine-rest/**}: a bearer JWT is checked as a resource server
 *       does (signature against the provider's keys, issuer, audience, expiry); HTTP Basic passes
 *       on to the filters that check it without this profile ({@code ApiAuthenticationFilter},
 *       Camunda's {@code ProcessEngineAuthenticationFilter}); the pages' own calls ride on the
 *       browser session, with a CSRF token for every change. Anyone else gets 401.
 *   <li>Everything else (the home page, Tasklist, Cockpit, Admin, the welcome page, {@code
 *       /intake}, {@code /insights}, {@code /discovery}): sign-in with the authorization code flow
 *       and PKCE; sign-out ends the provider's session too where it offers RP-initiated logout.
 * </ul>
 *
 * Camunda's webapps learn who signed in through container-based authentication ({@link
 * WebappAuthenticationProvider}); Camunda's identity tables learn it at each sign-in ({@link
 * IdentitySync}).
 */
@Configuration(proxyBeanMethods = false)
@Profile("oidc")
@EnableWebSecurity
class OidcSecurityConfig {

  static final String REGISTRATION = "tandem";
  static final String SIGNED_OUT_PAGE = "/identity/signed-out";
  static final String SIGN_OUT_PAGE = "/identity/sign-out";

  /** Where Spring Boot would put Spring Security's filter: before every filter of Camunda's. */
  static final int SECURITY_ORDER = -100;

  private final OidcProperties properties;

  OidcSecurityConfig(OidcProperties properties) {
    if (blank(properties.issuerUri()) || blank(properties.clientId())) {
      throw new IllegalStateException(
          "The profile oidc needs TANDEM_OIDC_ISSUER_URI and TANDEM_OIDC_CLIENT_ID (README,"
              + " 'Sign-in through your identity provider').");
    }
    this.properties = properties;
  }

  @Bean
  GroupMapping groupMapping() {
    return GroupMapping.parse(properties.groupMap());
  }

  @Bean
  PersonClaims personClaims(GroupMapping groupMapping) {
    return new PersonClaims(properties, groupMapping);
  }

  @Bean
  IdentitySync identitySync(IdentityService identityService, People people) {
    return new IdentitySync(identityService, people);
  }

  /** Tandem's client at the provider; every endpoint comes from the issuer's discovery document. */
  @Bean
  ClientRegistrationRepository clientRegistrationRepository() {
    ClientRegistration registration =
        ClientRegistrations.fromIssuerLocation(properties.issuerUri())
            .registrationId(REGISTRATION)
            .clientName("your company's sign-in")
            .clientId(properties.clientId())
            .clientSecret(properties.clientSecret())
            .scope(properties.scopes())
            .userNameAttributeName(properties.usernameClaim())
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .build();
    return new InMemoryClientRegistrationRepository(registration);
  }

  /** Bearer tokens: the provider's signature, its issuer, Tandem's audience, not expired. */
  @Bean
  JwtDecoder jwtDecoder() {
    NimbusJwtDecoder decoder = JwtDecoders.fromIssuerLocation(properties.issuerUri());
    String audience = properties.expectedAudience();
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            JwtValidators.createDefaultWithIssuer(properties.issuerUri()),
            new JwtClaimValidator<List<String>>(
                JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience))));
    return decoder;
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(
      HttpSecurity http,
      JwtDecoder jwtDecoder,
      PersonClaims personClaims,
      IdentitySync identitySync,
      ObjectMapper objectMapper)
      throws Exception {
    JwtAuthenticationConverter tokens = new JwtAuthenticationConverter();
    tokens.setPrincipalClaimName(properties.usernameClaim());
    ApiEntryPoint entryPoint = new ApiEntryPoint(objectMapper);
    RequestMatcher basic = OidcSecurityConfig::sendsBasic;
    // Paths, not Spring MVC patterns: /engine-rest is Jersey's servlet, not the DispatcherServlet.
    http.securityMatcher(paths("/api/**", "/engine-rest/**"))
        .authorizeHttpRequests(
            authorize -> authorize.requestMatchers(basic).permitAll().anyRequest().authenticated())
        .oauth2ResourceServer(
            resource ->
                resource
                    .jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(tokens))
                    .authenticationEntryPoint(entryPoint))
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint))
        // a page's calls carry the session cookie: each change needs the session's CSRF token
        .csrf(csrf -> csrf.requireCsrfProtectionMatcher(OidcSecurityConfig::changesBySession))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .requestCache(cache -> cache.disable())
        .headers(headers -> headers.cacheControl(cacheControl -> cacheControl.disable()))
        .addFilterAfter(
            new SignedInCallerFilter(personClaims, identitySync),
            BearerTokenAuthenticationFilter.class);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pageChain(
      HttpSecurity http,
      ClientRegistrationRepository registrations,
      PersonClaims personClaims,
      IdentitySync identitySync,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps)
      throws Exception {
    var authorizationRequests =
        new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
    authorizationRequests.setAuthorizationRequestCustomizer(
        OAuth2AuthorizationRequestCustomizers.withPkce());
    var signOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
    signOut.setPostLogoutRedirectUri("{baseUrl}" + SIGNED_OUT_PAGE);
    signOut.setDefaultTargetUrl(SIGNED_OUT_PAGE);
    // Scripts of the webapps and pages get a 401 to show, not the provider's sign-in page.
    RequestMatcher scripts = paths(webapps + "/api/**", "/identity/session");
    http.authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers(
                        paths(
                            "/actuator/health/**",
                            "/actuator/info",
                            "/error",
                            SIGNED_OUT_PAGE,
                            "/identity/signed-out.html",
                            SIGN_OUT_PAGE,
                            "/identity/sign-out.html",
                            "/identity/sign-out.js",
                            "/v3/api-docs/**",
                            "/swagger-ui/**",
                            "/swagger-ui.html",
                            "/favicon.ico"))
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .oauth2Login(
            login ->
                login.authorizationEndpoint(
                    endpoint -> endpoint.authorizationRequestResolver(authorizationRequests)))
        .logout(logout -> logout.logoutSuccessHandler(signOut))
        .exceptionHandling(
            exceptions ->
                exceptions
                    .defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), scripts)
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(
                            "/oauth2/authorization/" + REGISTRATION),
                        request -> true))
        // Camunda's webapps protect themselves against CSRF with their own token
        .csrf(csrf -> csrf.ignoringRequestMatchers(paths(webapps + "/**")))
        .headers(
            headers ->
                headers
                    .cacheControl(cacheControl -> cacheControl.disable())
                    .frameOptions(frames -> frames.sameOrigin()))
        .addFilterBefore(
            new SignedInCallerFilter(personClaims, identitySync), AuthorizationFilter.class);
    return http.build();
  }

  /**
   * Spring Security's filter chain in front of everything (Spring Boot's auto-configuration of it
   * is off, see TandemApplication), before Camunda's filters.
   */
  @Bean
  DelegatingFilterProxyRegistrationBean securityFilterChainRegistration() {
    var registration = new DelegatingFilterProxyRegistrationBean("springSecurityFilterChain");
    registration.setOrder(SECURITY_ORDER);
    registration.setDispatcherTypes(
        EnumSet.of(
            DispatcherType.REQUEST,
            DispatcherType.ASYNC,
            DispatcherType.ERROR,
            DispatcherType.FORWARD,
            DispatcherType.INCLUDE));
    return registration;
  }

  /** Camunda's webapps take the person Spring Security signed in (container-based sign-in). */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthenticationFilter(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
    var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setName("tandem-webapp-oidc-auth");
    registration.setInitParameters(
        Map.of(
            ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
            WebappAuthenticationProvider.class.getName()));
    registration.addUrlPatterns(webapps + "/app/*", webapps + "/api/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(SECURITY_ORDER + 1);
    return registration;
  }

  private static RequestMatcher paths(String... patterns) {
    PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
    return new OrRequestMatcher(
        Arrays.stream(patterns).map(builder::matcher).toArray(RequestMatcher[]::new));
  }

  private static boolean sendsBasic(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
  }

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  /** A change sent with no Authorization header by someone whose browser session is signed in. */
  private static boolean changesBySession(HttpServletRequest request) {
    if (SAFE_METHODS.contains(request.getMethod()) || request.getHeader("Authorization") != null) {
      return false;
    }
    HttpSession session = request.getSession(false);
    return session != null
        && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
            != null;
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
