package com.tandem.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.tandem.inventory.VendorNames;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Card-statement merchant texts and the vendor each names. */
class MerchantNamesTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          SQ *HOPIN LTD                         | Hopin
          PAYPAL *CANVA                         | Canva
          HUBSPOT INC 888-4827768 MA            | Hubspot
          AMZN Mktp US*2K4RT7Q81                | Amazon
          GOOGLE *GSUITE                        | Google Workspace
          PP*MAILCHIMP                          | Mailchimp
          SP * ALLBIRDS                         | Allbirds
          STRIPE*NOTION LABS                    | Notion Labs
          FS *SKETCH                            | Sketch
          PADDLE.NET* SETAPP                    | Setapp
          2CO*TECHSMITH                         | Techsmith
          TST* BLUE BOTTLE COFFEE               | Blue Bottle Coffee
          ZOOM.US 888-799-9666 CA               | Zoom
          WWW.NOTION.SO                         | Notion
          MSFT *AZURE                           | Microsoft
          SEMRUSH INC 800-815-9959 MA           | Semrush
          ADOBE *CREATIVE CLD 800-833-6687 CA   | Adobe
          LINKEDIN PREMIUM 4122345 CA           | Linkedin Premium
          "LOOM, INC. #88213"                   | Loom
          MIRO.COM                              | Miro
          HOTJAR LTD 35627781234 MT             | Hotjar
          Typeform S.L.                         | Typeform
          AIRTABLE.COM SAN FRANCISCO CA US      | Airtable
          "HOTJAR LTD, MALTA"                   | Hotjar
          SQ *EVENTBRITE GMBH                   | Eventbrite
          CANVA* 03045-88812 SYDNEY AU          | Canva
          """)
  void namesTheVendorOfAMerchantText(String merchant, String vendor) {
    assertThat(VendorNames.key(MerchantNames.vendorOf(merchant)))
        .isEqualTo(VendorNames.key(vendor));
  }

  @ParameterizedTest(name = "{0} reads {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          SQ *HOPIN LTD      | Hopin
          PAYPAL *CANVA      | Canva
          Notion Labs, Inc.  | Notion Labs
          """)
  void writesTheVendorAsPeopleDo(String merchant, String vendor) {
    assertThat(MerchantNames.vendorOf(merchant)).isEqualTo(vendor);
  }
}
