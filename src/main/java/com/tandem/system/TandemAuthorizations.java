package com.tandem.system;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.tandem.process.BoardSubmissionProcess;
import com.tandem.process.JointReviewProcess;
import com.tandem.process.OffboardingProcess;
import com.tandem.process.PurchaseProcess;
import com.tandem.process.ShadowItProcess;
import com.tandem.renewal.RenewalProcess;
import com.tandem.request.TandemGroups;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Camunda authorizations each business group needs, granted idempotently: running it again adds
 * only what is missing. Used by the demo data and documented for production set-up.
 *
 * <p>Tasks themselves need no grant here: the engine gives a task's candidate group (and its
 * assignee) the right to see and work it. Requesters are given read access to their own process
 * instances when their request is registered.
 */
@Component
public class TandemAuthorizations {

  private static final Logger LOG = LoggerFactory.getLogger(TandemAuthorizations.class);

  private final AuthorizationService authorizationService;

  public TandemAuthorizations(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  /** Grants every business group its Tasklist access and its rights on the process. */
  public void grantBusinessGroups() {
    for (String group : TandemGroups.BUSINESS_GROUPS) {
      grantGroup(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      // See the process of a task (its name and diagram) in Tasklist; review and board tasks
      // live in the called processes.
      for (String processKey :
          List.of(
              PurchaseProcess.PROCESS_KEY,
              JointReviewProcess.PROCESS_KEY,
              BoardSubmissionProcess.PROCESS_KEY,
              OffboardingProcess.PROCESS_KEY,
              ShadowItProcess.PROCESS_KEY,
              RenewalProcess.PROCESS_KEY,
              RenewalProcess.CONTRACT_UPDATE_PROCESS_KEY)) {
        grantGroup(
            group, Resources.PROCESS_DEFINITION, processKey, ProcessDefinitionPermissions.READ);
      }
    }
    // Requesters start purchase requests from Tasklist or through the API.
    grantGroup(
        TandemGroups.MARKETING,
        Resources.PROCESS_DEFINITION,
        PurchaseProcess.PROCESS_KEY,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grantGroup(
        TandemGroups.MARKETING, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    // IT leadership offboards tools from Tasklist's start form (the API starts as the system);
    // IT operations and privacy-legal work the offboarding tasks as their candidate groups.
    grantGroup(
        TandemGroups.IT_LEADERSHIP,
        Resources.PROCESS_DEFINITION,
        OffboardingProcess.PROCESS_KEY,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grantGroup(
        TandemGroups.IT_LEADERSHIP,
        Resources.PROCESS_INSTANCE,
        Authorization.ANY,
        Permissions.CREATE);
    grantContractUpdates();
  }

  /**
   * IT operations record a tool's contract from Tasklist's start form "Update a tool's contract"
   * (the API's PUT …/contract needs no engine rights); renewal tasks are worked as candidates.
   */
  private void grantContractUpdates() {
    grantGroup(
        TandemGroups.IT_OPERATIONS,
        Resources.PROCESS_DEFINITION,
        RenewalProcess.CONTRACT_UPDATE_PROCESS_KEY,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grantGroup(
        TandemGroups.IT_OPERATIONS,
        Resources.PROCESS_INSTANCE,
        Authorization.ANY,
        Permissions.CREATE);
  }

  /** Grants {@code permissions} on one resource to a group, adding to any grant it already has. */
  public void grantGroup(
      String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing =
        authorizationService
            .createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT)
            .groupIdIn(groupId)
            .resourceType(resource)
            .resourceId(resourceId)
            .singleResult();
    grant(existing, a -> a.setGroupId(groupId), resource, resourceId, permissions);
  }

  /**
   * Grants {@code permissions} on one resource to a single user, adding to any grant it already
   * has.
   */
  public void grantUser(
      String userId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing =
        authorizationService
            .createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT)
            .userIdIn(userId)
            .resourceType(resource)
            .resourceId(resourceId)
            .singleResult();
    grant(existing, a -> a.setUserId(userId), resource, resourceId, permissions);
  }

  private void grant(
      Authorization existing,
      Consumer<Authorization> grantee,
      Resource resource,
      String resourceId,
      Permission... permissions) {
    if (existing != null && Arrays.stream(permissions).allMatch(existing::isPermissionGranted)) {
      return;
    }
    Authorization authorization =
        existing != null ? existing : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    grantee.accept(authorization);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    Arrays.stream(permissions).forEach(authorization::addPermission);
    authorizationService.saveAuthorization(authorization);
    LOG.debug(
        "Granted {} on {} {}", Arrays.toString(permissions), resource.resourceName(), resourceId);
  }
}
