package com.tandem.system;

import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With the company's identity provider (profile {@code oidc}) nobody creates Tandem's groups by
 * hand in Camunda Admin: people arrive with their groups in their token. Their groups' Tasklist
 * access and process rights are therefore granted at every start (idempotently), demo data or not.
 */
@Component
@Profile("oidc")
class OidcGroupAuthorizations {

  private final TandemAuthorizations authorizations;

  OidcGroupAuthorizations(TandemAuthorizations authorizations) {
    this.authorizations = authorizations;
  }

  @EventListener
  @Order(20)
  public void onDeployed(PostDeployEvent deployed) {
    authorizations.grantBusinessGroups();
  }
}
