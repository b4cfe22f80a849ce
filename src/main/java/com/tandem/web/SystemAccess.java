package com.tandem.web;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls without the caller's Camunda authentication, for what the API has already
 * authorized itself: a requester may see which tasks are open on their own request, and withdraw
 * it, though Camunda grants them no right on the reviewers' tasks or to correlate messages.
 */
@Component
public class SystemAccess {

  private final IdentityService identityService;

  public SystemAccess(IdentityService identityService) {
    this.identityService = identityService;
  }

  public <T> T call(Supplier<T> work) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  public void run(Runnable work) {
    call(
        () -> {
          work.run();
          return null;
        });
  }
}
