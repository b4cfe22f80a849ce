package com.tandem.identity;

import com.tandem.web.ApiCaller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /identity/session}: whom the browser session belongs to, for Tandem's pages (and the
 * sign-out button of Camunda's webapps) in the profile {@code oidc}. A page that gets an answer
 * uses the session instead of asking for a password, and sends the CSRF token with each change.
 * Without the profile the address does not exist (404), and the pages sign in with HTTP Basic.
 */
@RestController
@Profile("oidc")
class SessionController {

  /** The signed-in person and what a page needs to act for them. */
  record Session(
      String userId,
      String name,
      String email,
      List<String> groups,
      String csrfHeader,
      String csrfToken,
      String signOutUrl) {}

  private final PersonClaims claims;

  SessionController(PersonClaims claims) {
    this.claims = claims;
  }

  @GetMapping(path = "/identity/session", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Session> session(HttpServletRequest request, CsrfToken csrf) {
    if (!(request.getAttribute(ApiCaller.SIGNED_IN) instanceof ApiCaller caller)) {
      return ResponseEntity.status(401).build();
    }
    Person person =
        claims
            .person(
                SignedInCallerFilter.claimsOf(
                    SecurityContextHolder.getContext().getAuthentication()))
            .orElseThrow();
    String name =
        String.join(
                " ",
                person.firstName() == null ? "" : person.firstName(),
                person.lastName() == null ? "" : person.lastName())
            .strip();
    return ResponseEntity.ok()
        .header("Cache-Control", "no-store")
        .body(
            new Session(
                caller.userId(),
                name.isEmpty() ? caller.userId() : name,
                person.email(),
                caller.groups(),
                csrf.getHeaderName(),
                csrf.getToken(),
                "/logout"));
  }
}
