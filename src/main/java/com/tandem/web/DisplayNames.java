package com.tandem.web;

import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * People and groups as people read them: a Camunda user's first and last name ("Casey
 * Marketing-Officer" for {@code cmo}), a group's name ("IT leadership (CIO office)" for {@code
 * it-leadership}). Looked up as the system, since a requester may not read Camunda's identities; an
 * id without a name (or unknown) is shown as it is.
 */
@Component
public class DisplayNames {

  private final IdentityService identityService;
  private final SystemAccess system;

  public DisplayNames(IdentityService identityService, SystemAccess system) {
    this.identityService = identityService;
    this.system = system;
  }

  /** The user's full name, or the id when Camunda knows no name for it; null for null. */
  public String user(String userId) {
    if (userId == null || userId.isBlank()) {
      return userId;
    }
    return system
        .call(
            () ->
                Optional.ofNullable(
                    identityService.createUserQuery().userId(userId).singleResult()))
        .map(DisplayNames::fullName)
        .filter(name -> !name.isBlank())
        .orElse(userId);
  }

  /** The group's name, or the id when it has none; null for null. */
  public String group(String groupId) {
    if (groupId == null || groupId.isBlank()) {
      return groupId;
    }
    return system
        .call(
            () ->
                Optional.ofNullable(
                    identityService.createGroupQuery().groupId(groupId).singleResult()))
        .map(Group::getName)
        .filter(name -> name != null && !name.isBlank())
        .orElse(groupId);
  }

  private static String fullName(User user) {
    String first = user.getFirstName() == null ? "" : user.getFirstName().strip();
    String last = user.getLastName() == null ? "" : user.getLastName().strip();
    return (first + " " + last).strip();
  }
}
