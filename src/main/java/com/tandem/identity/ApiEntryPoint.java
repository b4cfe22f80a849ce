package com.tandem.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The 401 of {@code /api} and {@code /engine-rest} in the profile {@code oidc}: {@code
 * WWW-Authenticate} names both ways in (a bearer token, with the reason a token was refused as RFC
 * 6750 writes it, and HTTP Basic), and the body is the problem+json the API answers everywhere.
 */
class ApiEntryPoint implements AuthenticationEntryPoint {

  private final BearerTokenAuthenticationEntryPoint bearer =
      new BearerTokenAuthenticationEntryPoint();
  private final ObjectMapper objectMapper;

  ApiEntryPoint(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
    bearer.setRealmName("Tandem");
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
      throws IOException {
    bearer.commence(request, response, refused);
    response.addHeader("WWW-Authenticate", "Basic realm=\"Tandem\"");
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNAUTHORIZED,
            refused instanceof OAuth2AuthenticationException token
                ? "The bearer token was not accepted: "
                    + (token.getError().getDescription() == null
                        ? token.getError().getErrorCode()
                        : token.getError().getDescription())
                : "Sign in with a bearer token from the company's identity provider, or with HTTP"
                    + " Basic and your Tandem (Camunda) user name and password.");
    objectMapper.writeValue(response.getOutputStream(), problem);
  }
}
