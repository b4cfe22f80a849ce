package com.tandem.discovery;

import com.tandem.inventory.Tool;
import com.tandem.inventory.VendorNames;
import com.tandem.request.PurchaseRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides what a sighting is (PRODUCT.md §5): usage of an owned tool (same vendor as an ACTIVE or
 * PROCUREMENT tool), a link to an open request, or a finding, one per vendor. Built once per import
 * from the inventory, the open requests and the findings, so 50 000 lines cost a few queries, and
 * every distinct vendor is compared (fuzzily, with {@link VendorNames}) only once.
 *
 * <p>A vendor is known by its name's key ("hubspot" for "HubSpot, Inc."), by the first word of a
 * name of four or more letters ("Notion Labs" and "Notion" are one vendor, and "HubSpot Marketing
 * Hub" is HubSpot's), and by a domain's name ("hubspot.com", or a request's vendor URL).
 */
final class VendorMatcher {

  static final int MIN_FIRST_WORD = 4;

  /** What a sighting matched: exactly one of the three is set. */
  record Match(Long toolId, String requestId, String findingId) {
    static Match tool(long id) {
      return new Match(id, null, null);
    }

    static Match request(String id) {
      return new Match(null, id, null);
    }

    static Match finding(String id) {
      return new Match(null, null, id);
    }
  }

  /** A finding the matcher knows: the id and the keys it is known by. */
  record KnownFinding(String id, String vendorKey, String firstWordKey) {}

  private final Map<String, Long> tools = new LinkedHashMap<>();
  private final Map<String, String> requests = new LinkedHashMap<>();
  private final Map<String, String> findings = new LinkedHashMap<>();
  private final Map<String, String> findingsByFirstWord = new HashMap<>();
  private final Map<String, Match> cache = new HashMap<>();

  VendorMatcher(
      List<Tool> ownedTools, List<PurchaseRequest> openRequests, List<KnownFinding> known) {
    for (Tool tool : ownedTools) {
      for (String key : keysOf(tool.vendor(), tool.name())) {
        tools.putIfAbsent(key, tool.id());
      }
    }
    for (PurchaseRequest request : openRequests) {
      List<String> keys =
          new ArrayList<>(keysOf(request.data().vendor(), request.data().toolName()));
      String url = request.data().vendorUrl();
      try {
        String domain = SightingRules.domain(url);
        if (domain != null) {
          keys.add(VendorNames.key(SightingRules.registrableLabel(domain)));
        }
      } catch (SightingRules.Refused notADomain) {
        // a vendor URL that is no domain adds no key
      }
      keys.forEach(key -> requests.putIfAbsent(key, request.id()));
    }
    known.forEach(this::addFinding);
  }

  /** The vendor key of a name and the key of its first word (if long enough), without blanks. */
  static Set<String> keysOf(String... names) {
    Set<String> keys = new LinkedHashSet<>();
    for (String name : names) {
      String key = VendorNames.key(name);
      if (!key.isEmpty()) {
        keys.add(key);
      }
      String first = firstWordKey(name);
      if (first.length() >= MIN_FIRST_WORD) {
        keys.add(first);
      }
    }
    return keys;
  }

  /** The key of the first word of a name: "notion" for "Notion Labs Inc". */
  static String firstWordKey(String name) {
    if (name == null) {
      return "";
    }
    String[] words = name.strip().split("[\\s,/]+");
    return words.length == 0 ? "" : VendorNames.key(words[0]);
  }

  /**
   * What {@code sighting} is, or empty when it names a vendor nobody knows yet: then the caller
   * creates the finding and {@linkplain #addFinding tells} the matcher.
   */
  java.util.Optional<Match> match(Sighting sighting) {
    String vendorKey = VendorNames.key(sighting.vendor());
    String firstWord = firstWordKey(sighting.vendor());
    String domainKey =
        sighting.domain() == null
            ? ""
            : VendorNames.key(SightingRules.registrableLabel(sighting.domain()));
    String cacheKey = vendorKey + "|" + firstWord + "|" + domainKey;
    Match cached = cache.get(cacheKey);
    if (cached != null) {
      return java.util.Optional.of(cached);
    }
    List<String> keys = new ArrayList<>();
    keys.add(vendorKey);
    if (firstWord.length() >= MIN_FIRST_WORD) {
      keys.add(firstWord);
    }
    if (!domainKey.isEmpty()) {
      keys.add(domainKey);
    }
    Match match = null;
    Long tool = find(tools, keys, vendorKey);
    if (tool != null) {
      match = Match.tool(tool);
    } else {
      String request = find(requests, keys, vendorKey);
      if (request != null) {
        match = Match.request(request);
      } else {
        String finding = find(findings, keys, vendorKey);
        if (finding == null) {
          finding =
              keys.stream()
                  .map(findingsByFirstWord::get)
                  .filter(f -> f != null)
                  .findFirst()
                  .orElse(null);
        }
        if (finding != null) {
          match = Match.finding(finding);
        }
      }
    }
    if (match != null) {
      cache.put(cacheKey, match);
    }
    return java.util.Optional.ofNullable(match);
  }

  /** A finding created since the matcher was built: later lines of its vendor join it. */
  void addFinding(KnownFinding finding) {
    findings.putIfAbsent(finding.vendorKey(), finding.id());
    if (finding.firstWordKey().length() >= MIN_FIRST_WORD) {
      findingsByFirstWord.putIfAbsent(finding.firstWordKey(), finding.id());
    }
  }

  /** Exact keys first, then the vendor key against every known key allowing a small typo. */
  private static <T> T find(Map<String, T> known, List<String> keys, String vendorKey) {
    for (String key : keys) {
      T hit = known.get(key);
      if (hit != null) {
        return hit;
      }
    }
    for (Map.Entry<String, T> entry : known.entrySet()) {
      if (VendorNames.sameKey(vendorKey, entry.getKey())) {
        return entry.getValue();
      }
    }
    return null;
  }
}
