package com.tandem.identity;

import com.tandem.request.People;
import com.tandem.request.TandemGroups;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what the identity provider says about a person into Camunda's identity tables when they
 * sign in (or call an API with a token): the user with names and e-mail address, the Tandem groups
 * that exist nowhere yet, and exactly the memberships the token gives.
 *
 * <p>So everything that asks Camunda's identity service keeps working unchanged: the authorization
 * checks of Tasklist, Cockpit and the engine REST API, the names Tasklist shows, the addresses of
 * Tandem's mails (also to people who are not signed in at the time), escalations to named users. A
 * person's groups are as current as their last sign-in; removed from a group at the provider, they
 * lose it in Tandem at their next sign-in or API call. The users have no Camunda password, so HTTP
 * Basic does not work for them; their sign-in is the provider's.
 *
 * <p>Each node remembers what it last wrote per person and writes again only when the token says
 * something else, so API calls with tokens cost no database write.
 */
class IdentitySync {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySync.class);
  private static final int MAX_REMEMBERED = 10_000;

  static final Map<String, String> GROUP_NAMES =
      Map.of(
          TandemGroups.MARKETING, "Marketing",
          TandemGroups.MARKETING_LEADERSHIP, "Marketing leadership (CMO office)",
          TandemGroups.IT_LEADERSHIP, "IT leadership (CIO office)",
          TandemGroups.PRIVACY_LEGAL, "Privacy and legal",
          TandemGroups.BOARD, "Board",
          TandemGroups.IT_OPERATIONS, "IT operations",
          TandemGroups.CAMUNDA_ADMIN, "Camunda administrators");

  private final IdentityService identityService;
  private final People people;
  private final Map<String, Person> written = new ConcurrentHashMap<>();

  IdentitySync(IdentityService identityService, People people) {
    this.identityService = identityService;
    this.people = people;
  }

  /** Makes Camunda know the person as the token describes them. */
  void sync(Person person) {
    if (person.equals(written.get(person.userId()))) {
      return;
    }
    synchronized (this) {
      if (person.equals(written.get(person.userId()))) {
        return;
      }
      Authentication caller = identityService.getCurrentAuthentication();
      identityService.clearAuthentication();
      try {
        try {
          write(person);
        } catch (ProcessEngineException raced) {
          // another node wrote the same user or group a moment ago: read again and write the rest
          LOG.debug("Writing user '{}' again after {}", person.userId(), raced.getMessage());
          write(person);
        }
      } finally {
        if (caller != null) {
          identityService.setAuthentication(caller);
        }
        // the names and address just written show at once on this node (others within People.TTL)
        people.forget(person.userId());
      }
      if (written.size() >= MAX_REMEMBERED) {
        written.clear();
      }
      written.put(person.userId(), person);
    }
  }

  private void write(Person person) {
    User user = identityService.createUserQuery().userId(person.userId()).singleResult();
    boolean created = user == null;
    if (created) {
      user = identityService.newUser(person.userId());
    }
    if (created
        || !Objects.equals(user.getFirstName(), person.firstName())
        || !Objects.equals(user.getLastName(), person.lastName())
        || !Objects.equals(user.getEmail(), person.email())) {
      user.setFirstName(person.firstName());
      user.setLastName(person.lastName());
      user.setEmail(person.email());
      identityService.saveUser(user);
    }
    Set<String> current = new HashSet<>();
    for (Group group : identityService.createGroupQuery().groupMember(person.userId()).list()) {
      current.add(group.getId());
    }
    for (String groupId : person.groups()) {
      if (!current.remove(groupId)) {
        ensureGroup(groupId);
        identityService.createMembership(person.userId(), groupId);
      }
    }
    for (String stale : current) {
      identityService.deleteMembership(person.userId(), stale);
    }
    LOG.info(
        "{} user '{}' from the identity provider, groups {}",
        created ? "Created" : "Updated",
        person.userId(),
        person.groups());
  }

  private void ensureGroup(String groupId) {
    if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identityService.newGroup(groupId);
      group.setName(GROUP_NAMES.getOrDefault(groupId, groupId));
      group.setType(TandemGroups.CAMUNDA_ADMIN.equals(groupId) ? "SYSTEM" : "WORKFLOW");
      identityService.saveGroup(group);
    }
  }
}
