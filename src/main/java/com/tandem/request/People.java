package com.tandem.request;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Camunda's users and groups as Tandem shows and mails them (names, e-mail addresses), read without
 * the current user's authorizations (a requester may not read Camunda's identities, but sees who
 * reviews) and remembered for {@link #TTL}.
 *
 * <p>Every request reads its requester several times on its way (the name on each of its tasks, the
 * address of each mail, the API's answers): each read was a query and, outside a command, a
 * transaction of its own, for a name that almost never changes. So each node keeps what it read for
 * {@value #TTL_SECONDS} seconds. That is the whole invalidation story for changes made outside
 * Tandem (Camunda Admin, a script on the identity tables): a renamed person shows under the new
 * name, and a changed address receives the mails, at most {@value #TTL_SECONDS} seconds later, on
 * every node, without any message between nodes; short enough that whoever renamed someone sees the
 * new name on their next look, long enough that a request's burst of reads is one query. What
 * Tandem writes itself (the identity provider's sync at sign-in) forgets the person at once ({@link
 * #forget}). Only people and groups that exist are remembered: an id that Camunda does not know yet
 * is asked again next time, so a person created a moment later shows by name at once. The cache is
 * bounded ({@value #MAX_ENTRIES} people and as many groups per node; when full it starts afresh).
 * Memberships are not cached: who is in a group decides who may act and who is mailed.
 */
@Component
public class People {

  static final int TTL_SECONDS = 30;

  /** How long a person or group read is shown and mailed as read. */
  public static final Duration TTL = Duration.ofSeconds(TTL_SECONDS);

  static final int MAX_ENTRIES = 1_000;

  /** What Tandem uses of a Camunda user. */
  public record Person(String id, String firstName, String lastName, String email) {

    /** "Riley Requester": first and last name; the id when Camunda knows no name for it. */
    public String displayName() {
      String name = (strip(firstName) + " " + strip(lastName)).strip();
      return name.isEmpty() ? id : name;
    }

    /** The e-mail address, if the user has one. */
    public Optional<String> address() {
      return Optional.ofNullable(email).map(String::strip).filter(address -> !address.isEmpty());
    }

    private static String strip(String text) {
      return text == null ? "" : text.strip();
    }
  }

  private record Remembered<T>(T value, Instant until) {}

  private final IdentityService identityService;
  private final Clock clock;
  private final Map<String, Remembered<Person>> users = new ConcurrentHashMap<>();
  private final Map<String, Remembered<String>> groups = new ConcurrentHashMap<>();

  public People(IdentityService identityService, Clock clock) {
    this.identityService = identityService;
    this.clock = clock;
  }

  /** The user, as read at most {@link #TTL} ago; empty for null, blank or unknown ids. */
  public Optional<Person> user(String userId) {
    if (userId == null || userId.isBlank()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Remembered<Person> known = users.get(userId);
    if (known != null && now.isBefore(known.until())) {
      return Optional.of(known.value());
    }
    User user =
        withoutAuthorization(() -> identityService.createUserQuery().userId(userId).singleResult());
    if (user == null) {
      users.remove(userId);
      return Optional.empty();
    }
    Person person =
        new Person(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail());
    remember(users, userId, person, now);
    return Optional.of(person);
  }

  /** The user's full name ("Riley Requester"), or the id when Camunda knows none; null for null. */
  public String userName(String userId) {
    return user(userId).map(Person::displayName).orElse(userId);
  }

  /** The group's name, or the id when it has none or is unknown; null for null. */
  public String groupName(String groupId) {
    if (groupId == null || groupId.isBlank()) {
      return groupId;
    }
    Instant now = clock.instant();
    Remembered<String> known = groups.get(groupId);
    if (known != null && now.isBefore(known.until())) {
      return known.value();
    }
    Group group =
        withoutAuthorization(
            () -> identityService.createGroupQuery().groupId(groupId).singleResult());
    if (group == null) {
      groups.remove(groupId);
      return groupId;
    }
    String name =
        group.getName() == null || group.getName().isBlank() ? groupId : group.getName().strip();
    remember(groups, groupId, name, now);
    return name;
  }

  /** Forgets what this node read of the user: the next read asks Camunda (after a write). */
  public void forget(String userId) {
    if (userId != null) {
      users.remove(userId);
    }
  }

  private static <T> void remember(
      Map<String, Remembered<T>> cache, String id, T value, Instant now) {
    if (cache.size() >= MAX_ENTRIES) {
      cache.clear();
    }
    cache.put(id, new Remembered<>(value, now.plus(TTL)));
  }

  /**
   * Runs the read as the system: inside an engine command (a listener, a delegate) with the
   * command's authorization checks off, elsewhere with the caller's authentication set aside.
   */
  private <T> T withoutAuthorization(Callable<T> read) {
    CommandContext command = Context.getCommandContext();
    if (command != null) {
      return command.runWithoutAuthorization(read);
    }
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return read.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
