package com.tandem.identity;

import com.nimbusds.jose.JOSEObjectType;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tandem in the profile {@code oidc} against a real, standards-compliant OpenID Connect provider
 * running in this JVM (NAV's mock-oauth2-server: discovery document, signing keys, authorization
 * code flow with PKCE, end-session endpoint). Its issuer {@code company} plays the company's
 * provider; tokens of the issuer {@code elsewhere} are signed by another key under another name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "oidc"})
abstract class OidcTestSupport {

  static final String ISSUER = "company";
  static final String CLIENT_ID = "tandem-web";

  /** How far the provider's clock is from the real one: a past clock issues expired tokens. */
  static final AtomicReference<Duration> PROVIDER_CLOCK = new AtomicReference<>(Duration.ZERO);

  static final MockOAuth2Server PROVIDER =
      new MockOAuth2Server(
          new OAuth2Config(
              false,
              null,
              null,
              false,
              new OAuth2TokenProvider(() -> Instant.now().plus(PROVIDER_CLOCK.get()))));

  static {
    PROVIDER.start();
  }

  @DynamicPropertySource
  static void provider(DynamicPropertyRegistry registry) {
    registry.add("tandem.oidc.issuer-uri", () -> PROVIDER.issuerUrl(ISSUER).toString());
    registry.add("tandem.oidc.client-id", () -> CLIENT_ID);
    registry.add("tandem.oidc.client-secret", () -> "not-so-secret");
    registry.add(
        "tandem.oidc.group-map",
        () -> "Marketing-Leads=marketing-leadership,CIO-Office=it-leadership,Marketing=marketing");
  }

  @LocalServerPort int port;

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** What the company's provider says about someone, as the claims of their tokens. */
  static Map<String, Object> claims(
      String userName, String givenName, String familyName, List<String> groups) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("preferred_username", userName);
    claims.put("given_name", givenName);
    claims.put("family_name", familyName);
    claims.put("name", givenName + " " + familyName);
    claims.put("email", userName.contains("@") ? userName : userName + "@company.example");
    if (groups != null) {
      claims.put("groups", groups);
    }
    return claims;
  }

  /** A signed access token of {@code issuer} for {@code audience}, valid for {@code seconds}. */
  static String token(String issuer, String audience, Map<String, Object> claims, long seconds) {
    return PROVIDER
        .issueToken(
            issuer,
            CLIENT_ID,
            new DefaultOAuth2TokenCallback(
                issuer,
                String.valueOf(claims.get("preferred_username")),
                JOSEObjectType.JWT.getType(),
                List.of(audience),
                claims,
                seconds))
        .serialize();
  }

  /** A token the provider issued an hour ago, valid for five minutes: expired 55 minutes ago. */
  static String expiredToken(Map<String, Object> claims) {
    PROVIDER_CLOCK.set(Duration.ofHours(-1));
    try {
      return token(ISSUER, CLIENT_ID, claims, 300);
    } finally {
      PROVIDER_CLOCK.set(Duration.ZERO);
    }
  }

  /** The provider signs the next person in (its sign-in page answers at once) with these claims. */
  static void nextSignIn(Map<String, Object> claims) {
    PROVIDER.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            ISSUER,
            String.valueOf(claims.get("preferred_username")),
            JOSEObjectType.JWT.getType(),
            null,
            claims,
            3600));
  }
}
