package com.tandem.onboarding;

import static com.tandem.request.PurchaseVariables.REQUEST_ID;

import com.tandem.budget.BudgetService;
import com.tandem.inventory.InventoryService;
import com.tandem.notification.Notifier;
import com.tandem.request.RequestRegistry;
import com.tandem.request.RequestStatus;
import com.tandem.request.RequestStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Onboarding is done: the tool becomes ACTIVE, the holds become commitments, the request ACTIVE.
 */
@Component
public class ActivateToolDelegate extends RequestStep {

  private static final Logger LOG = LoggerFactory.getLogger(ActivateToolDelegate.class);
  private final InventoryService inventory;
  private final BudgetService budget;
  private final RequestRegistry registry;
  private final Notifier notifier;

  public ActivateToolDelegate(
      InventoryService inventory,
      BudgetService budget,
      RequestRegistry registry,
      Notifier notifier) {
    super("activate the tool and turn the holds into commitments");
    this.inventory = inventory;
    this.budget = budget;
    this.registry = registry;
    this.notifier = notifier;
  }

  @Override
  protected void run(DelegateExecution execution) {
    var request = registry.get(REQUEST_ID.get(execution));
    inventory.activate(request.id());
    budget.commit(request.id());
    registry.setStatus(request.id(), RequestStatus.ACTIVE);
    notifier.notifyUser(
        request.id(),
        "outcome",
        request.requester(),
        "[%s] %s is ready to use".formatted(request.id(), request.data().toolName()),
        """
        Good news: your martech request %s for %s was approved by marketing and IT and the tool is now
        onboarded (SSO and data-processing agreement handled by IT operations). It is ACTIVE in our inventory.

        Tandem"""
            .formatted(request.id(), request.data().toolName()));
    LOG.info("Request {} is ACTIVE", request.id());
  }
}
