package com.tandem.identity;

import com.tandem.web.ApiCaller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * {@code /engine-rest} in the profile {@code oidc}: a caller whose bearer token Spring Security
 * checked (issuer, audience, signature, expiry) is taken with the groups the token gave; anyone
 * else must sign in with HTTP Basic and Camunda credentials, as without the profile. A refusal
 * names both ways in {@code WWW-Authenticate}.
 *
 * <p>Instantiated by Camunda's {@code ProcessEngineAuthenticationFilter} by class name
 * (tandem.engine-rest.authentication-provider).
 */
public class EngineRestAuthenticationProvider implements AuthenticationProvider {

  private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();

  @Override
  public AuthenticationResult extractAuthenticatedUser(
      HttpServletRequest request, ProcessEngine engine) {
    String header = request.getHeader("Authorization");
    boolean sentBasic = header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    if (!sentBasic && request.getAttribute(ApiCaller.SIGNED_IN) instanceof ApiCaller caller) {
      AuthenticationResult result = AuthenticationResult.successful(caller.userId());
      result.setGroups(caller.groups());
      return result;
    }
    return basic.extractAuthenticatedUser(request, engine);
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(
      HttpServletResponse response, ProcessEngine engine) {
    basic.augmentResponseByAuthenticationChallenge(response, engine);
    response.addHeader("WWW-Authenticate", "Bearer");
  }
}
