package com.tandem.identity;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tandem.oidc.*}: the company's OpenID Connect provider (PRODUCT.md §9). Each is set from
 * the environment variable named in application-oidc.yaml ({@code TANDEM_OIDC_ISSUER_URI}, ...).
 *
 * @param issuerUri the provider's issuer; its discovery document names every other endpoint
 * @param clientId Tandem's client (application) at the provider
 * @param clientSecret its secret
 * @param audience what bearer tokens must be issued for ({@code aud}); blank means the client id
 * @param groupsClaim the claim that lists a person's groups
 * @param groupMap the provider's group names or ids mapped to Tandem's group ids, written {@code
 *     Marketing-Leads=marketing-leadership,CIO-Office=it-leadership}
 * @param usernameClaim the claim that is the Tandem (Camunda) user id
 * @param scopes the scopes asked for at sign-in (Okta needs {@code groups} for the groups claim)
 */
@ConfigurationProperties("tandem.oidc")
public record OidcProperties(
    String issuerUri,
    String clientId,
    String clientSecret,
    String audience,
    @DefaultValue("groups") String groupsClaim,
    @DefaultValue("") String groupMap,
    @DefaultValue("preferred_username") String usernameClaim,
    @DefaultValue({"openid", "profile", "email"}) List<String> scopes) {

  /** The audience bearer tokens must carry: the configured one, else the client id. */
  public String expectedAudience() {
    return audience == null || audience.isBlank() ? clientId : audience.strip();
  }
}
