package com.tandem.web;

import com.tandem.request.People;
import org.springframework.stereotype.Component;

/**
 * People and groups as people read them: a Camunda user's first and last name ("Casey
 * Marketing-Officer" for {@code cmo}), a group's name ("IT leadership (CIO office)" for {@code
 * it-leadership}). Looked up as the system, since a requester may not read Camunda's identities,
 * and remembered for a short while ({@link People}); an id without a name (or unknown) is shown as
 * it is.
 */
@Component
public class DisplayNames {

  private final People people;

  public DisplayNames(People people) {
    this.people = people;
  }

  /** The user's full name, or the id when Camunda knows no name for it; null for null. */
  public String user(String userId) {
    if (userId == null || userId.isBlank()) {
      return userId;
    }
    return people.userName(userId);
  }

  /** The group's name, or the id when it has none; null for null. */
  public String group(String groupId) {
    return people.groupName(groupId);
  }
}
