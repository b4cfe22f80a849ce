package com.tandem.discovery;

import com.tandem.discovery.CsvLayout.Field;
import com.tandem.discovery.SightingRules.Refused;
import com.tandem.web.ApiException;
import com.tandem.web.FieldProblem;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.HttpStatus;

/**
 * An uploaded export, read with Apache Commons CSV: UTF-8 with or without a BOM, CRLF or LF, quoted
 * fields with commas and line breaks inside, separated by commas, semicolons or tabs (sniffed from
 * the header line). The header decides the {@link CsvLayout}. Every line becomes a {@link Sighting}
 * or a {@link Refusal}; a file that is not such an export at all is refused whole (an {@link
 * ApiException}) before anything is written.
 */
public final class DiscoveryFile {

  /** Accepted in SSO exports besides ISO 8601: what US-locale admin consoles write. */
  private static final List<DateTimeFormatter> US_DATE_TIMES =
      List.of(
          DateTimeFormatter.ofPattern("M/d/yyyy, h:mm:ss a", Locale.US),
          DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US),
          DateTimeFormatter.ofPattern("M/d/yyyy h:mm a", Locale.US),
          DateTimeFormatter.ofPattern("M/d/yyyy HH:mm", Locale.US),
          DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.US),
          DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.US));

  private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");

  /** What a whole file yields. */
  public record Parsed(
      String hash,
      CsvLayout layout,
      int linesRead,
      List<Sighting> sightings,
      List<Refusal> refused) {}

  private DiscoveryFile() {}

  /** The SHA-256 of the file's bytes, in hex: the identity of an import. */
  public static String hash(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  /**
   * Reads {@code content} as an export of {@code source}. Refuses the file (4xx) when it is empty,
   * binary or not UTF-8, larger than the limits, not CSV, of no known layout or of another source.
   */
  public static Parsed parse(
      byte[] content,
      DiscoverySource source,
      List<CsvLayout> layouts,
      long maxBytes,
      int maxLines,
      LocalDate today) {
    if (content.length > maxBytes) {
      throw refused(
          HttpStatus.PAYLOAD_TOO_LARGE,
          "the file is larger than " + maxBytes / (1024 * 1024) + " MB");
    }
    String text = text(content);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      throw refused(HttpStatus.BAD_REQUEST, "the file is empty");
    }
    int[] lineStarts = lineStarts(text);
    char delimiter = sniffDelimiter(text);
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(delimiter)
            .setIgnoreEmptyLines(true)
            .setTrim(false)
            .get();
    List<Sighting> sightings = new ArrayList<>();
    List<Refusal> refused = new ArrayList<>();
    int linesRead = 0;
    CsvLayout layout;
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      var records = parser.iterator();
      if (!records.hasNext()) {
        throw refused(HttpStatus.BAD_REQUEST, "the file is empty");
      }
      List<String> header = records.next().toList();
      layout = layoutOf(header, layouts, source);
      Map<Field, Integer> columns = columnIndexes(header, layout);
      while (records.hasNext()) {
        CSVRecord record = records.next();
        int line = lineOf(record.getCharacterPosition(), lineStarts);
        if (record.size() == 1 && record.get(0).isBlank()) {
          continue;
        }
        linesRead++;
        if (linesRead > maxLines) {
          throw refused(
              HttpStatus.PAYLOAD_TOO_LARGE,
              "the file has more than " + maxLines + " lines; split it");
        }
        try {
          sightings.add(sighting(record, line, layout, columns, delimiter == ';', today));
        } catch (Refused e) {
          refused.add(new Refusal(line, e.getMessage()));
        }
      }
    } catch (UncheckedIOException | IOException | IllegalStateException e) {
      // Commons CSV: an unterminated quote, a character after a closing quote, and the like
      throw refused(HttpStatus.BAD_REQUEST, "the file is not valid CSV: " + cause(e));
    }
    return new Parsed(hash(content), layout, linesRead, sightings, refused);
  }

  private static String cause(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.length() > 200 ? message.substring(0, 200) : message;
  }

  /** The file as UTF-8 text; binary content (NUL bytes, invalid UTF-8) is refused. */
  private static String text(byte[] content) {
    for (byte b : content) {
      if (b == 0) {
        throw refused(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE, "the file is binary, not a CSV text export");
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content))
          .toString();
    } catch (CharacterCodingException e) {
      throw refused(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE, "the file is not UTF-8 text; export it as CSV UTF-8");
    }
  }

  /** The separator of the header line: the most frequent of , ; and tab outside quotes. */
  static char sniffDelimiter(String text) {
    int comma = 0;
    int semicolon = 0;
    int tab = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      } else if (!quoted) {
        switch (c) {
          case ',' -> comma++;
          case ';' -> semicolon++;
          case '\t' -> tab++;
          default -> {}
        }
      }
    }
    if (semicolon > comma && semicolon >= tab) {
      return ';';
    }
    return tab > comma ? '\t' : ',';
  }

  private static CsvLayout layoutOf(
      List<String> header, List<CsvLayout> layouts, DiscoverySource source) {
    CsvLayout match = layouts.stream().filter(l -> l.matches(header)).findFirst().orElse(null);
    if (match == null) {
      throw refused(
          HttpStatus.BAD_REQUEST,
          "the header line matches no known export layout (Okta application usage, Entra ID"
              + " sign-ins, Google Workspace accessed apps, Tandem's expense layout"
              + " date,merchant,amount,currency,employeeEmail,costCentre, or a layout of"
              + " tandem.discovery.layouts); header read: "
              + SightingRules.shorten(String.join(",", header)));
    }
    if (match.source() != source) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "The file is not an export of this source.",
          List.of(
              new FieldProblem(
                  "source",
                  "the file is a "
                      + match.name()
                      + " export, a "
                      + match.source()
                      + " source, not "
                      + source)));
    }
    return match;
  }

  private static Map<Field, Integer> columnIndexes(List<String> header, CsvLayout layout) {
    Map<Field, Integer> indexes = new HashMap<>();
    layout
        .columns()
        .forEach(
            (field, name) -> {
              for (int i = 0; i < header.size(); i++) {
                if (CsvLayout.normalise(header.get(i)).equals(CsvLayout.normalise(name))) {
                  indexes.put(field, i);
                  return;
                }
              }
            });
    return indexes;
  }

  private static Sighting sighting(
      CSVRecord record,
      int line,
      CsvLayout layout,
      Map<Field, Integer> columns,
      boolean decimalComma,
      LocalDate today)
      throws Refused {
    Map<Field, String> v = new HashMap<>();
    columns.forEach(
        (field, index) -> v.put(field, index < record.size() ? record.get(index) : null));
    for (Field field : layout.required()) {
      if (columns.containsKey(field) && columns.get(field) >= record.size()) {
        throw new Refused(
            "the line has "
                + record.size()
                + " columns, the header "
                + Math.max(columns.get(field) + 1, record.size() + 1)
                + " or more");
      }
    }
    boolean expense = layout.source() == DiscoverySource.EXPENSE;
    String domain = SightingRules.domain(v.get(Field.DOMAIN));
    String application =
        SightingRules.optionalText(v.get(Field.APPLICATION), SightingRules.MAX_NAME);
    String vendorText = v.get(Field.VENDOR);
    String vendor;
    if (vendorText != null && !vendorText.isBlank()) {
      vendor = expense ? MerchantNames.vendorOf(vendorText) : vendorText.strip();
    } else if (application != null) {
      vendor = SightingRules.applicationVendor(application);
    } else {
      vendor = SightingRules.domainVendor(domain);
    }
    vendor = SightingRules.vendor(vendor);
    Integer users = SightingRules.users(v.get(Field.USERS));
    if (users == null && layout.oneRowPerUser()) {
      users = 1;
    }
    java.math.BigDecimal amount = null;
    String currency = null;
    if (columns.containsKey(Field.AMOUNT)) {
      amount = SightingRules.amount(v.get(Field.AMOUNT), decimalComma);
      currency = SightingRules.currency(v.get(Field.CURRENCY));
    }
    LocalDate first = date(v.get(Field.FIRST_SEEN), expense, "first seen", today);
    LocalDate last = date(v.get(Field.LAST_SEEN), expense, "last seen", today);
    LocalDate date = date(v.get(Field.DATE), expense, "date", today);
    if (columns.containsKey(Field.DATE) && date == null) {
      throw new Refused("no date");
    }
    LocalDate seenOn = last != null ? last : date != null ? date : first != null ? first : today;
    if (first != null && first.isAfter(seenOn)) {
      throw new Refused("first seen " + first + " is after last seen " + seenOn);
    }
    return new Sighting(
        line,
        layout.source(),
        vendor,
        application,
        domain,
        users,
        amount,
        currency,
        first,
        seenOn,
        SightingRules.optionalText(v.get(Field.EMPLOYEE_EMAIL), 254),
        SightingRules.optionalText(v.get(Field.COST_CENTRE), 100));
  }

  /**
   * A date: ISO 8601 (a date, or a date-time with or without offset, the date part taken); in SSO
   * exports also the US formats their consoles write ("3/14/2026, 9:05:11 AM").
   */
  static LocalDate date(String text, boolean isoOnly, String what, LocalDate today) throws Refused {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    LocalDate date = null;
    try {
      date = t.length() == 10 ? LocalDate.parse(t) : OffsetDateTime.parse(t).toLocalDate();
    } catch (DateTimeParseException notIso) {
      try {
        date = LocalDateTime.parse(t).toLocalDate();
      } catch (DateTimeParseException notLocalIso) {
        if (!isoOnly) {
          date = usDate(t);
        }
      }
    }
    if (date == null) {
      throw new Refused(
          what
              + " '"
              + SightingRules.shorten(t)
              + "' is not a date"
              + (isoOnly ? " in ISO 8601 (2026-03-14)" : ""));
    }
    return SightingRules.plausible(date, today, what);
  }

  private static LocalDate usDate(String t) {
    for (DateTimeFormatter format : US_DATE_TIMES) {
      try {
        return LocalDateTime.parse(t, format).toLocalDate();
      } catch (DateTimeParseException next) {
        // try the next
      }
    }
    try {
      return LocalDate.parse(t, US_DATE);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Offsets where each physical line starts, to name the line a record starts on. */
  private static int[] lineStarts(String text) {
    int[] starts = new int[64];
    int count = 0;
    starts[count++] = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, count);
  }

  /** The 1-based line of the character at {@code position}. */
  private static int lineOf(long position, int[] lineStarts) {
    int i = Arrays.binarySearch(lineStarts, (int) position);
    return (i >= 0 ? i : -i - 2) + 1;
  }

  private static ApiException refused(HttpStatus status, String reason) {
    return new ApiException(
        status,
        "The file was not imported: " + reason + ".",
        List.of(new FieldProblem("file", reason)));
  }
}
