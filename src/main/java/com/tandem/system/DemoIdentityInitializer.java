package com.tandem.system;

import com.tandem.request.TandemGroups;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo users and groups of PRODUCT.md §1 with their authorizations, created at start when {@code
 * tandem.demo-data.enabled} is on. Idempotent: a restart creates nothing twice and keeps passwords
 * that were changed since.
 */
@Component
@ConditionalOnProperty(name = "tandem.demo-data.enabled", havingValue = "true")
public class DemoIdentityInitializer {

  private static final Logger LOG = LoggerFactory.getLogger(DemoIdentityInitializer.class);

  record DemoUser(String id, String firstName, String lastName, String groupId) {}

  static final List<DemoUser> USERS =
      List.of(
          new DemoUser("requester", "Riley", "Requester", TandemGroups.MARKETING),
          new DemoUser("cmo", "Casey", "Marketing-Officer", TandemGroups.MARKETING_LEADERSHIP),
          new DemoUser("cio", "Indra", "Information-Officer", TandemGroups.IT_LEADERSHIP),
          new DemoUser("privacy", "Priya", "Privacy", TandemGroups.PRIVACY_LEGAL),
          new DemoUser("board", "Bo", "Ard", TandemGroups.BOARD),
          new DemoUser("itops", "Ito", "Operations", TandemGroups.IT_OPERATIONS));

  private static final List<String[]> GROUP_NAMES =
      List.of(
          new String[] {TandemGroups.MARKETING, "Marketing"},
          new String[] {TandemGroups.MARKETING_LEADERSHIP, "Marketing leadership (CMO office)"},
          new String[] {TandemGroups.IT_LEADERSHIP, "IT leadership (CIO office)"},
          new String[] {TandemGroups.PRIVACY_LEGAL, "Privacy and legal"},
          new String[] {TandemGroups.BOARD, "Board"},
          new String[] {TandemGroups.IT_OPERATIONS, "IT operations"});

  private final IdentityService identityService;
  private final TandemAuthorizations authorizations;
  private final DemoDataProperties properties;

  public DemoIdentityInitializer(
      IdentityService identityService,
      TandemAuthorizations authorizations,
      DemoDataProperties properties) {
    this.identityService = identityService;
    this.authorizations = authorizations;
    this.properties = properties;
  }

  /** Runs once the process application is deployed, after the steps of lower order. */
  @EventListener
  @Order(10)
  public void onDeployed(PostDeployEvent deployed) {
    apply();
  }

  /** Creates what is missing; idempotent. */
  public void apply() {
    for (String[] group : GROUP_NAMES) {
      if (identityService.createGroupQuery().groupId(group[0]).count() == 0) {
        Group g = identityService.newGroup(group[0]);
        g.setName(group[1]);
        g.setType("WORKFLOW");
        identityService.saveGroup(g);
      }
    }
    for (DemoUser demo : USERS) {
      if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identityService.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + "@tandem.example");
        user.setPassword(properties.password());
        identityService.saveUser(user);
        identityService.createMembership(demo.id(), demo.groupId());
        LOG.info("Created demo user '{}' in group '{}'", demo.id(), demo.groupId());
      }
    }
    authorizations.grantBusinessGroups();
  }
}
