package com.tandem.shadowit;

import com.tandem.discovery.FindingDiscovered;
import com.tandem.discovery.FindingService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every new finding gets its retroactive review: the {@code shadow-it-review} instance starts in
 * the transaction that recorded the finding, so both commit or neither does.
 */
@Component
class ReviewOnDiscovery {

  private final ShadowItReviews reviews;
  private final FindingService findings;

  ReviewOnDiscovery(ShadowItReviews reviews, FindingService findings) {
    this.reviews = reviews;
    this.findings = findings;
  }

  @EventListener
  void onDiscovered(FindingDiscovered discovered) {
    String processInstanceId = reviews.startReview(discovered.findingId(), discovered.vendor());
    findings.setProcessInstance(discovered.findingId(), processInstanceId);
  }
}
