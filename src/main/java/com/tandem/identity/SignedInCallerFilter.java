package com.tandem.identity;

import com.tandem.web.ApiCaller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs in both of Tandem's security filter chains once Spring Security knows who is calling (a
 * browser session from the sign-in, or a bearer token): makes Camunda know the person ({@link
 * IdentitySync}) and hands them on as the request attribute {@link ApiCaller#SIGNED_IN}, which
 * {@code /api}, {@code /engine-rest} and the Camunda webapps read.
 */
class SignedInCallerFilter extends OncePerRequestFilter {

  private final PersonClaims claims;
  private final IdentitySync sync;

  SignedInCallerFilter(PersonClaims claims, IdentitySync sync) {
    this.claims = claims;
    this.sync = sync;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Map<String, Object> tokenClaims =
        claimsOf(SecurityContextHolder.getContext().getAuthentication());
    if (tokenClaims != null) {
      Optional<Person> person = claims.person(tokenClaims);
      if (person.isEmpty()) {
        response.sendError(
            HttpStatus.FORBIDDEN.value(),
            "Your sign-in carries no user name Tandem can use (claim checked: the configured"
                + " TANDEM_OIDC_USERNAME_CLAIM).");
        return;
      }
      sync.sync(person.get());
      request.setAttribute(ApiCaller.SIGNED_IN, person.get().asCaller());
    }
    chain.doFilter(request, response);
  }

  /** The claims of the caller's token, or null when nobody signed in through the provider. */
  static Map<String, Object> claimsOf(Authentication authentication) {
    if (authentication instanceof JwtAuthenticationToken bearer) {
      return bearer.getToken().getClaims();
    }
    if (authentication instanceof OAuth2AuthenticationToken session
        && session.getPrincipal() instanceof OidcUser user) {
      return user.getClaims();
    }
    return null;
  }
}
