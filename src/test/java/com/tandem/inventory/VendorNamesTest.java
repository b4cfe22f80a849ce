package com.tandem.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VendorNamesTest {

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "HubSpot, Inc.           | hubspot",
        "Hubspot                 | hubspot",
        "HUBSPOT inc             | hubspot",
        "  Hub Spot   Inc        | hubspot",
        "MailChimp Inc           | mailchimp",
        "Google LLC              | google",
        "Adobe Inc.              | adobe",
        "Wingify Software Pvt. Ltd. | wingifysoftware",
        "Dynamic Yield Technologies Ltd | dynamicyield",
        "Salesforce.com, Inc.    | salesforce",
        "Société Générale S.A.   | societegenerale",
        "Bynder B.V.             | bynder",
        "SAP SE                  | sap",
        "Twilio Inc.             | twilio",
        "Procter & Gamble Co.    | procterandgamble",
        "Intuit Mailchimp        | intuitmailchimp",
      })
  void keyDropsCaseAccentsPunctuationWhitespaceAndLegalSuffixes(String vendor, String key) {
    assertThat(VendorNames.key(vendor)).isEqualTo(key);
  }

  @Test
  void keyKeepsANameThatIsOnlyASuffixWord() {
    assertThat(VendorNames.key("Co")).isEqualTo("co");
    assertThat(VendorNames.key("  ")).isEmpty();
    assertThat(VendorNames.key(null)).isEmpty();
  }

  @ParameterizedTest(name = "\"{0}\" is \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "HubSpot, Inc.  | Hubspot",
        "HUBSPOT inc    | HubSpot",
        "Mailchimp      | MailChimp Inc",
        "Hubspott       | HubSpot, Inc.",
        "Segmnet        | Segment",
        "Salesforce     | salesforce.com inc",
      })
  void sameVendorWrittenDifferently(String vendor, String other) {
    assertThat(VendorNames.sameVendor(vendor, other)).isTrue();
    assertThat(VendorNames.sameVendor(other, vendor)).isTrue();
  }

  @ParameterizedTest(name = "\"{0}\" is not \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "Hub            | HubSpot",
        "Braze          | Blaze",
        "Adobe          | Adobo",
        "Wix            | Wiz",
        "Salesforce     | Salesloft",
        "Google         | Go",
        "Segment        | Sprout Social",
        "Intercom       | Interact",
      })
  void differentVendorsDoNotMatch(String vendor, String other) {
    assertThat(VendorNames.sameVendor(vendor, other)).isFalse();
    assertThat(VendorNames.sameVendor(other, vendor)).isFalse();
  }

  @Test
  void blankNamesNeverMatch() {
    assertThat(VendorNames.sameVendor("", "")).isFalse();
    assertThat(VendorNames.sameVendor(null, "Inc.")).isFalse();
  }
}
