package com.tandem.identity;

import com.tandem.request.TandemGroups;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the values of the groups claim into Tandem's group ids (PRODUCT.md §1): by the configured
 * map ({@code TANDEM_OIDC_GROUP_MAP}), and a value that already is a Tandem group id stands for
 * itself. Anything else (the company's many other groups) is ignored.
 */
public final class GroupMapping {

  /** The groups a token can give: the business groups and the administrators. */
  static final Set<String> TANDEM_GROUP_IDS = tandemGroupIds();

  private final Map<String, Set<String>> map;

  private GroupMapping(Map<String, Set<String>> map) {
    this.map = map;
  }

  /**
   * Parses {@code Provider-Group=tandem-group,...}; a provider group may be named more than once to
   * give several Tandem groups. Refuses (at start) an entry that maps to no Tandem group.
   */
  public static GroupMapping parse(String spec) {
    Map<String, Set<String>> map = new LinkedHashMap<>();
    if (spec != null) {
      for (String entry : spec.split(",")) {
        if (entry.isBlank()) {
          continue;
        }
        int eq = entry.lastIndexOf('=');
        String from = eq < 0 ? "" : entry.substring(0, eq).strip();
        String to = eq < 0 ? "" : entry.substring(eq + 1).strip();
        if (from.isEmpty() || !TANDEM_GROUP_IDS.contains(to)) {
          throw new IllegalArgumentException(
              "TANDEM_OIDC_GROUP_MAP: '"
                  + entry.strip()
                  + "' must read provider-group=tandem-group, the Tandem group one of "
                  + TANDEM_GROUP_IDS);
        }
        map.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
      }
    }
    return new GroupMapping(map);
  }

  /** Tandem's group ids for the claim's value: a list of names, one name, or nothing. */
  public List<String> tandemGroups(Object claim) {
    Collection<?> values =
        claim instanceof Collection<?> many ? many : claim == null ? List.of() : List.of(claim);
    Set<String> groups = new LinkedHashSet<>();
    for (Object value : values) {
      String name = String.valueOf(value).strip();
      // Keycloak writes groups as paths ("/marketing-leadership") unless told otherwise.
      String bare = name.startsWith("/") ? name.substring(name.lastIndexOf('/') + 1) : name;
      groups.addAll(map.getOrDefault(name, map.getOrDefault(bare, Set.of())));
      if (TANDEM_GROUP_IDS.contains(bare)) {
        groups.add(bare);
      }
    }
    return List.copyOf(groups);
  }

  private static Set<String> tandemGroupIds() {
    Set<String> ids = new LinkedHashSet<>(TandemGroups.BUSINESS_GROUPS);
    ids.add(TandemGroups.CAMUNDA_ADMIN);
    return Set.copyOf(ids);
  }
}
