package com.tandem.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.tandem.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The names and addresses Tandem shows and mails come from Camunda's users and groups, read as the
 * system and remembered for {@link People#TTL}: names, never ids; a rename shows within the TTL (at
 * once after {@link People#forget}); a person created after a miss shows by name at once.
 */
class PeopleTest {

  private static ProcessEngine engine;
  private static IdentityService identity;

  private final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T12:00:00Z"));
  private People people;

  @BeforeAll
  static void engine() {
    var config =
        (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
            ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:people-test;DB_CLOSE_DELAY=1000")
                .setProcessEngineName("people-test")
                .setAuthorizationEnabled(true)
                .setJobExecutorActivate(false);
    // as application.yaml: Tandem's group ids have dashes
    config.setGroupResourceWhitelistPattern("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");
    engine = config.buildProcessEngine();
    identity = engine.getIdentityService();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @BeforeEach
  void fresh() {
    identity.clearAuthentication();
    for (User user : identity.createUserQuery().list()) {
      identity.deleteUser(user.getId());
    }
    for (Group group : identity.createGroupQuery().list()) {
      identity.deleteGroup(group.getId());
    }
    people = new People(identity, clock);
  }

  @Test
  void showsTheNameReadAsTheSystemNotTheId() {
    saveUser("riley", "Riley", "Requester", "riley@tandem.example");
    // signed in as someone Camunda grants nothing (authorizations are on)
    identity.setAuthentication("nobody", List.of("marketing"));
    try {
      assertThat(identity.createUserQuery().userId("riley").singleResult()).isNull();
      assertThat(people.userName("riley")).isEqualTo("Riley Requester");
      assertThat(people.user("riley").flatMap(People.Person::address))
          .contains("riley@tandem.example");
      assertThat(identity.getCurrentAuthentication().getUserId()).isEqualTo("nobody");
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  void aRenameShowsOnceTheRememberedNameHasExpired() {
    saveUser("riley", "Riley", "Requester", "riley@tandem.example");
    assertThat(people.userName("riley")).isEqualTo("Riley Requester");

    saveUser("riley", "Riley", "Married-Name", "riley.m@tandem.example");
    clock.advance(People.TTL.minusSeconds(1));
    // remembered: no query for the requester's name on each of a request's tasks and mails
    assertThat(people.userName("riley")).isEqualTo("Riley Requester");

    clock.advance(Duration.ofSeconds(2));
    assertThat(people.userName("riley")).isEqualTo("Riley Married-Name");
    assertThat(people.user("riley").flatMap(People.Person::address))
        .contains("riley.m@tandem.example");
  }

  @Test
  void whatTandemWritesItselfShowsAtOnce() {
    saveUser("riley", "Riley", "Requester", null);
    assertThat(people.userName("riley")).isEqualTo("Riley Requester");
    saveUser("riley", "Riley", "Renamed", null);
    people.forget("riley");
    assertThat(people.userName("riley")).isEqualTo("Riley Renamed");
  }

  @Test
  void anUnknownIdIsShownAsItIsAndAskedAgainNextTime() {
    assertThat(people.userName("casey")).isEqualTo("casey");
    assertThat(people.user("casey")).isEmpty();
    saveUser("casey", "Casey", "Marketing-Officer", null);
    assertThat(people.userName("casey")).isEqualTo("Casey Marketing-Officer");
    assertThat(people.user("casey").flatMap(People.Person::address)).isEmpty();
  }

  @Test
  void aUserWithoutNameIsShownByIdAndNullStaysNull() {
    saveUser("svc", null, " ", null);
    assertThat(people.userName("svc")).isEqualTo("svc");
    assertThat(people.userName(null)).isNull();
  }

  @Test
  void groupsByNameRememberedAsUsers() {
    Group group = identity.newGroup("it-leadership");
    group.setName("IT leadership (CIO office)");
    identity.saveGroup(group);
    assertThat(people.groupName("it-leadership")).isEqualTo("IT leadership (CIO office)");

    group = identity.createGroupQuery().groupId("it-leadership").singleResult();
    group.setName("CIO office");
    identity.saveGroup(group);
    assertThat(people.groupName("it-leadership")).isEqualTo("IT leadership (CIO office)");
    clock.advance(People.TTL.plusSeconds(1));
    assertThat(people.groupName("it-leadership")).isEqualTo("CIO office");
    assertThat(people.groupName("no-such-group")).isEqualTo("no-such-group");
  }

  private static void saveUser(String id, String first, String last, String email) {
    User user = identity.createUserQuery().userId(id).singleResult();
    if (user == null) {
      user = identity.newUser(id);
    }
    user.setFirstName(first);
    user.setLastName(last);
    user.setEmail(email);
    identity.saveUser(user);
  }
}
