package com.tandem.notification;

import com.tandem.request.PurchaseRequest;
import com.tandem.request.RequestActivated;
import com.tandem.request.RequestClosed;
import com.tandem.request.RequestStatus;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the requester how their request ended. */
@Component
class OutcomeMails {

  private static final Map<RequestStatus, String> WHY =
      Map.of(
          RequestStatus.REDIRECTED,
          "you chose to use a tool the company already owns",
          RequestStatus.REJECTED,
          "it was rejected; the decisions and their reasons are in Tasklist and the API",
          RequestStatus.WITHDRAWN,
          "it was withdrawn");

  private final Notifier notifier;
  private final PublicLinks links;

  OutcomeMails(Notifier notifier, PublicLinks links) {
    this.notifier = notifier;
    this.links = links;
  }

  @EventListener
  void onClosed(RequestClosed closed) {
    PurchaseRequest request = closed.request();
    notifier.notifyUser(
        request.id(),
        "outcome",
        request.requester(),
        "[%s] Your request for %s is %s"
            .formatted(request.id(), request.data().toolName(), request.status()),
        """
        Your martech request %s for %s has ended as %s: %s.

        The request and its decisions: %s

        Tandem"""
            .formatted(
                request.id(),
                request.data().toolName(),
                request.status(),
                WHY.get(request.status()),
                links.request(request.id())));
  }

  @EventListener
  void onActivated(RequestActivated activated) {
    PurchaseRequest request = activated.request();
    notifier.notifyUser(
        request.id(),
        "outcome",
        request.requester(),
        "[%s] %s is ready to use".formatted(request.id(), request.data().toolName()),
        """
        Good news: your martech request %s for %s was approved by marketing and IT and the tool is now
        onboarded (SSO and data-processing agreement handled by IT operations). It is ACTIVE in our inventory.

        The request and its decisions: %s

        Tandem"""
            .formatted(request.id(), request.data().toolName(), links.request(request.id())));
  }
}
