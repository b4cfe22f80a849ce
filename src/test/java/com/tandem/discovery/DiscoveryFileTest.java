package com.tandem.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tandem.web.ApiException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Reading exports: CSV dialects, layouts by header, line numbers and refusals per line. */
class DiscoveryFileTest {

  static final LocalDate TODAY = LocalDate.of(2026, 4, 1);

  static DiscoveryFile.Parsed parse(String text, DiscoverySource source) {
    return parse(text.getBytes(StandardCharsets.UTF_8), source);
  }

  static DiscoveryFile.Parsed parse(byte[] bytes, DiscoverySource source) {
    return DiscoveryFile.parse(bytes, source, CsvLayout.BUILT_IN, 20L << 20, 100, TODAY);
  }

  @Test
  void readsQuotedFieldsWithCommasAndLineBreaksAndNamesTheLineEachRecordStartsOn() {
    var parsed =
        parse(
            "date,merchant,amount,currency,employeeEmail,costCentre\r\n"
                + "2026-02-01,\"HOPIN, LTD\",10.00,USD,a@x.example,\"MKT\r\nEVENTS\"\r\n"
                + "2026-02-02,PAYPAL *CANVA,5.5,EUR,b@x.example,MKT\r\n",
            DiscoverySource.EXPENSE);
    assertThat(parsed.layout()).isEqualTo(CsvLayout.TANDEM_EXPENSE);
    assertThat(parsed.refused()).isEmpty();
    assertThat(parsed.sightings())
        .extracting(Sighting::line, Sighting::vendor, Sighting::amount, Sighting::currency)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, "Hopin", new BigDecimal("10.00"), "USD"),
            org.assertj.core.groups.Tuple.tuple(4, "Canva", new BigDecimal("5.5"), "EUR"));
    assertThat(parsed.sightings().get(0).costCentre()).isEqualTo("MKT\r\nEVENTS");
  }

  @Test
  void readsSemicolonSeparatedFilesWithABomAndDecimalCommas() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body =
        ("date;merchant;amount;currency;employeeEmail;costCentre\n"
                + "2026-03-01;SQ *HOPIN LTD;1490,50;EUR;a@x.example;MKT\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] file = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, file, 0, bom.length);
    System.arraycopy(body, 0, file, bom.length, body.length);
    var parsed = parse(file, DiscoverySource.EXPENSE);
    assertThat(parsed.sightings()).hasSize(1);
    assertThat(parsed.sightings().get(0).amount()).isEqualByComparingTo("1490.50");
  }

  @Test
  void recognisesTheIdentityProvidersExportsByTheirHeaders() {
    var okta =
        parse(
            "Person,Login,Application Username,Instance Name,Login Date,Login Date_ISO8601\n"
                + "Ana,ana@x.example,ana,Airtable - Campaigns,\"Mar 3, 2026\",2026-03-03T09:14:02.000Z\n",
            DiscoverySource.SSO);
    assertThat(okta.layout()).isEqualTo(CsvLayout.OKTA);
    Sighting s = okta.sightings().get(0);
    assertThat(s.vendor()).isEqualTo("Airtable");
    assertThat(s.users()).isEqualTo(1);
    assertThat(s.employeeEmail()).isEqualTo("ana@x.example");
    assertThat(s.seenOn()).isEqualTo(LocalDate.of(2026, 3, 3));

    var entra =
        parse(
            "Date (UTC),Request ID,User,Username,User ID,Application,Application ID,Status\n"
                + "2026-03-02T08:12:44Z,r1,Dev,dev@x.example,u1,Miro,a1,Success\n",
            DiscoverySource.SSO);
    assertThat(entra.layout()).isEqualTo(CsvLayout.ENTRA);
    assertThat(entra.sightings().get(0).vendor()).isEqualTo("Miro");

    var google =
        parse(
            "App name,Type,ID,Verification status,Users,Access\n"
                + "Loom,Web application,1123-loom,Verified,14,Unrestricted\n",
            DiscoverySource.SSO);
    assertThat(google.layout()).isEqualTo(CsvLayout.GOOGLE);
    assertThat(google.sightings().get(0).users()).isEqualTo(14);
    assertThat(google.sightings().get(0).seenOn()).isEqualTo(TODAY);

    var configured =
        parse(
            "App name,Type,ID,Verification status,Access,Number of users,Requested services,"
                + "API scopes\n"
                + "Typeform,Web application,3141-typeform,Verified,Trusted,3,\"Drive, Sheets\","
                + "\"https://www.googleapis.com/auth/drive.file\"\n",
            DiscoverySource.SSO);
    assertThat(configured.layout()).isEqualTo(CsvLayout.GOOGLE_CONFIGURED);
    assertThat(configured.sightings().get(0).vendor()).isEqualTo("Typeform");
    assertThat(configured.sightings().get(0).users()).isEqualTo(3);
  }

  @Test
  void readsAConfiguredLayout() {
    var mapping =
        new DiscoveryProperties.LayoutMapping(
            DiscoverySource.EXPENSE,
            "Merchant Name",
            null,
            null,
            null,
            null,
            null,
            "Posted Date",
            "Amount",
            "Currency",
            "Card Holder Email",
            null);
    var properties =
        new DiscoveryProperties(
            org.springframework.util.unit.DataSize.ofMegabytes(20), 100, Map.of("brex", mapping));
    var parsed =
        DiscoveryFile.parse(
            ("Posted Date,Merchant Name,Amount,Currency,Card Holder Email\n"
                    + "2026-03-01,ZAPIER INC,69.00,USD,dev@x.example\n")
                .getBytes(StandardCharsets.UTF_8),
            DiscoverySource.EXPENSE,
            properties.allLayouts(),
            20L << 20,
            100,
            TODAY);
    assertThat(parsed.layout().name()).isEqualTo("brex");
    assertThat(parsed.sightings().get(0).vendor()).isEqualTo("Zapier");
  }

  @Test
  void refusesBadLinesWithTheirLineNumbersAndKeepsTheRest() {
    var parsed =
        parse(
            """
            date,merchant,amount,currency,employeeEmail,costCentre
            2026-02-25,,49.00,USD,d@x.example,OPS
            2026-02-26,HOTJAR LTD,twelve,USD,a@x.example,WEB
            2026-02-27,MIRO.COM,16.00,XYZ,c@x.example,CONTENT
            2026-02-30,ZAPIER INC,69.00,USD,d@x.example,OPS
            2026-02-28,LOOM,-5.00,USD,d@x.example,OPS
            2027-01-01,LOOM,5.00,USD,d@x.example,OPS
            03/01/2026,LOOM,5.00,USD,d@x.example,OPS
            2026-03-01,LOOM,5.00,USD,d@x.example,OPS
            """,
            DiscoverySource.EXPENSE);
    assertThat(parsed.linesRead()).isEqualTo(8);
    assertThat(parsed.sightings()).extracting(Sighting::line).containsExactly(9);
    assertThat(parsed.refused()).extracting(Refusal::line).containsExactly(2, 3, 4, 5, 6, 7, 8);
    assertThat(parsed.refused().get(0).reason()).contains("no vendor");
    assertThat(parsed.refused().get(1).reason()).contains("amount");
    assertThat(parsed.refused().get(2).reason()).contains("currency");
    assertThat(parsed.refused().get(3).reason()).contains("date");
  }

  @Test
  void refusesFilesThatAreNoExportOfTheSource() {
    assertRefused("", DiscoverySource.EXPENSE, HttpStatus.BAD_REQUEST);
    assertRefused("a,b,c\n1,2,3\n", DiscoverySource.EXPENSE, HttpStatus.BAD_REQUEST);
    assertRefused(
        "App name,Type,ID,Users\nLoom,Web,1,2\n", DiscoverySource.EXPENSE, HttpStatus.BAD_REQUEST);
    assertRefused(
        "date,merchant,amount,currency\n2026-01-01,\"LOOM,5,USD\n",
        DiscoverySource.EXPENSE,
        HttpStatus.BAD_REQUEST);
    assertThatThrownBy(
            () -> parse(new byte[] {0x50, 0x4B, 0x03, 0x04, 0x00, 0x00}, DiscoverySource.SSO))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
  }

  private static void assertRefused(String text, DiscoverySource source, HttpStatus status) {
    assertThatThrownBy(() -> parse(text, source))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(status));
  }

  @Test
  void sniffsTheSeparatorOfTheHeaderLineOnly() {
    assertThat(DiscoveryFile.sniffDelimiter("a;b;c\n1,2,3,4,5")).isEqualTo(';');
    assertThat(DiscoveryFile.sniffDelimiter("\"a;b\",c\n")).isEqualTo(',');
    assertThat(DiscoveryFile.sniffDelimiter("a\tb\tc")).isEqualTo('\t');
  }
}
