package com.tandem.identity;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a {@link Person} from the claims of an ID token (with the provider's user info) or of an
 * access token: the user id from the configured claim, names from {@code given_name}/{@code
 * family_name} (or {@code name}), the address from {@code email}, groups from the groups claim.
 */
class PersonClaims {

  /**
   * What Camunda accepts as a user id in the {@code oidc} profile (application-oidc.yaml):
   * Camunda's pattern plus {@code @}, as providers often name people by their e-mail address.
   */
  static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9]+([._@-][a-zA-Z0-9]+)*");

  private static final int MAX_ID = 64;
  private static final int MAX_NAME = 255;

  private final OidcProperties properties;
  private final GroupMapping groups;

  PersonClaims(OidcProperties properties, GroupMapping groups) {
    this.properties = properties;
    this.groups = groups;
  }

  /** The person, or empty when the user id claim is missing or no valid Camunda user id. */
  Optional<Person> person(Map<String, Object> claims) {
    String userId = text(claims.get(properties.usernameClaim()));
    if (userId == null || userId.length() > MAX_ID || !USER_ID.matcher(userId).matches()) {
      return Optional.empty();
    }
    String first = text(claims.get("given_name"));
    String last = text(claims.get("family_name"));
    String full = text(claims.get("name"));
    if (first == null && last == null && full != null) {
      int space = full.lastIndexOf(' ');
      first = space < 0 ? full : full.substring(0, space);
      last = space < 0 ? null : full.substring(space + 1);
    }
    return Optional.of(
        new Person(
            userId,
            bounded(first),
            bounded(last),
            bounded(text(claims.get("email"))),
            groups.tandemGroups(claims.get(properties.groupsClaim()))));
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    String text = String.valueOf(value).strip();
    return text.isEmpty() ? null : text;
  }

  private static String bounded(String text) {
    return text == null || text.length() <= MAX_NAME ? text : text.substring(0, MAX_NAME);
  }
}
