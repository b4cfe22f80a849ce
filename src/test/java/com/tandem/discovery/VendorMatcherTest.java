package com.tandem.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.tandem.discovery.VendorMatcher.KnownFinding;
import com.tandem.discovery.VendorMatcher.Match;
import com.tandem.inventory.Tool;
import com.tandem.inventory.ToolStatus;
import com.tandem.request.PersonalData;
import com.tandem.request.PurchaseRequest;
import com.tandem.request.RequestStatus;
import com.tandem.request.SsoSupport;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a sighting is: an owned tool's usage, a request's, a known finding's, or new. */
class VendorMatcherTest {

  static Tool tool(long id, String name, String vendor) {
    return new Tool(
        id,
        name,
        vendor,
        List.of("crm"),
        "Marketing",
        ToolStatus.ACTIVE,
        BigDecimal.TEN,
        "USD",
        null,
        "SAML",
        "NONE",
        null);
  }

  static PurchaseRequest request(String id, String toolName, String vendor, String url) {
    return new PurchaseRequest(
        id,
        "pi",
        "requester",
        RequestStatus.IN_REVIEW,
        new PurchaseRequest.IntakeData(
            toolName,
            vendor,
            url,
            List.of("event-management"),
            "why",
            BigDecimal.TEN,
            BigDecimal.ONE,
            "USD",
            1,
            12,
            LocalDate.of(2027, 1, 1),
            PersonalData.NONE,
            SsoSupport.SAML,
            List.of(),
            true),
        null,
        Instant.EPOCH,
        Instant.EPOCH);
  }

  static Sighting seen(String vendor, String domain) {
    return new Sighting(
        2,
        DiscoverySource.SSO,
        vendor,
        null,
        domain,
        1,
        null,
        null,
        null,
        LocalDate.of(2026, 3, 1),
        null,
        null);
  }

  final VendorMatcher matcher =
      new VendorMatcher(
          List.of(
              tool(7, "HubSpot Marketing Hub", "HubSpot, Inc."),
              tool(8, "Drift", "Salesloft, Inc.")),
          List.of(
              request(
                  "MTR-2026-00001",
                  "Eventful",
                  "Eventful Inc.",
                  "https://www.eventful-events.io/pricing")),
          List.of(new KnownFinding("SIT-2026-00001", "notionlabs", "notion")));

  @Test
  void shouldMatchOwnedToolsByVendorToolNameTypoAndDomain() {
    assertThat(matcher.match(seen("HUBSPOT", null))).contains(Match.tool(7));
    assertThat(matcher.match(seen("HubSpot Marketing Hub", null))).contains(Match.tool(7));
    assertThat(matcher.match(seen("Hubspott", null))).contains(Match.tool(7));
    assertThat(matcher.match(seen("Drift", null))).contains(Match.tool(8));
    assertThat(matcher.match(seen("Acme Marketing Co", "app.hubspot.com"))).contains(Match.tool(7));
  }

  @Test
  void shouldLinkTheVendorOfAnOpenRequestAlsoByItsWebAddress() {
    assertThat(matcher.match(seen("EVENTFUL", null))).contains(Match.request("MTR-2026-00001"));
    assertThat(matcher.match(seen("Something", "eventful-events.io")))
        .contains(Match.request("MTR-2026-00001"));
  }

  @Test
  void shouldJoinAKnownFindingByItsNameOrFirstWordAndLeaveTheUnknownNew() {
    assertThat(matcher.match(seen("Notion", null))).contains(Match.finding("SIT-2026-00001"));
    assertThat(matcher.match(seen("Notion Labs, Inc.", null)))
        .contains(Match.finding("SIT-2026-00001"));
    assertThat(matcher.match(seen("Airtable", null))).isEqualTo(Optional.empty());
    matcher.addFinding(new KnownFinding("SIT-2026-00002", "airtable", "airtable"));
    assertThat(matcher.match(seen("Airtable Inc", null))).contains(Match.finding("SIT-2026-00002"));
  }
}
