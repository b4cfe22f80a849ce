package com.tandem.identity;

import com.tandem.web.ApiCaller;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;

/**
 * Tells Camunda's webapps (Tasklist, Cockpit, Admin, the welcome page) who signed in through the
 * identity provider, through Camunda's container-based authentication: Spring Security signed the
 * person in, {@link SignedInCallerFilter} put them on the request, and the webapps then check their
 * application authorizations with the groups the token gave.
 *
 * <p>Instantiated by Camunda's {@code ContainerBasedAuthenticationFilter} by class name.
 */
public class WebappAuthenticationProvider extends ContainerBasedAuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(
      HttpServletRequest request, ProcessEngine engine) {
    if (!(request.getAttribute(ApiCaller.SIGNED_IN) instanceof ApiCaller caller)) {
      return AuthenticationResult.unsuccessful();
    }
    AuthenticationResult result = AuthenticationResult.successful(caller.userId());
    result.setGroups(caller.groups());
    return result;
  }
}
