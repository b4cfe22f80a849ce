package com.tandem.inventory;

import com.tandem.request.RequestActivated;
import com.tandem.request.RequestClosed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A request's inventory entry follows its outcome: ACTIVE when the request is, removed while still
 * in PROCUREMENT when it closes.
 */
@Component
class InventoryOnRequestOutcome {

  private final InventoryService inventory;

  InventoryOnRequestOutcome(InventoryService inventory) {
    this.inventory = inventory;
  }

  @EventListener
  void onActivated(RequestActivated activated) {
    inventory.activate(activated.request().id());
  }

  @EventListener
  void onClosed(RequestClosed closed) {
    inventory.discardProcurement(closed.request().id());
  }
}
