package com.tandem.notification;

import com.tandem.request.PurchaseRequest;
import com.tandem.request.RequestRegistered;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the requester the id of the request they just submitted and where to follow it: Tasklist's
 * start form ends with "The process has been started." and no id, so the mail is how a Tasklist
 * starter learns it (the request is also listed under "Your requests" on /intake).
 */
@Component
class RegistrationMails {

  private final Notifier notifier;
  private final PublicLinks links;

  RegistrationMails(Notifier notifier, PublicLinks links) {
    this.notifier = notifier;
    this.links = links;
  }

  @EventListener
  void onRegistered(RequestRegistered registered) {
    PurchaseRequest request = registered.request();
    notifier.notifyUser(
        request.id(),
        "registered",
        request.requester(),
        "[%s] Your request for %s is registered".formatted(request.id(), request.data().toolName()),
        """
        Hello,

        your martech request for %s (by %s) is registered as %s.
        Tandem now checks the tools we already own; then marketing and IT review it together.

        Follow its status, see who it waits for, or withdraw it:
        %s

        Tandem"""
            .formatted(
                request.data().toolName(),
                request.data().vendor(),
                request.id(),
                links.request(request.id())));
  }
}
