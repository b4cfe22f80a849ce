package com.tandem.discovery;

import com.tandem.discovery.VendorMatcher.KnownFinding;
import com.tandem.discovery.VendorMatcher.Match;
import com.tandem.inventory.InventoryService;
import com.tandem.inventory.Tool;
import com.tandem.inventory.ToolStatus;
import com.tandem.inventory.VendorNames;
import com.tandem.request.RequestNumbers;
import com.tandem.request.RequestRegistry;
import com.tandem.web.ApiException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports discovery exports and pushes (PRODUCT.md §5) exactly once. A file is identified by the
 * SHA-256 of its bytes: once imported, the same file again changes nothing and gets its first
 * summary back. Lines are written in chunks of {@value #CHUNK} lines, each in its own transaction,
 * and every sighting carries its file's hash and its line number under a unique key: an import
 * interrupted by a crash is re-run by uploading the file again, and only the lines not yet written
 * are written. The file is parsed and checked whole before the first write, so a refused file
 * writes nothing; a refused line is reported and nothing of it is written.
 */
@Service
public class DiscoveryImports {

  private static final Logger LOG = LoggerFactory.getLogger(DiscoveryImports.class);

  static final int CHUNK = 1000;
  static final int PROGRESS_EVERY = 10_000;

  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;
  private final TransactionTemplate transaction;
  private final InventoryService inventory;
  private final RequestRegistry requests;
  private final RequestNumbers numbers;
  private final ApplicationEventPublisher events;
  private final DiscoveryProperties properties;
  private final Clock clock;

  public DiscoveryImports(
      JdbcClient jdbc,
      JdbcTemplate jdbcTemplate,
      PlatformTransactionManager transactionManager,
      InventoryService inventory,
      RequestRegistry requests,
      RequestNumbers numbers,
      ApplicationEventPublisher events,
      DiscoveryProperties properties,
      Clock clock) {
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
    this.transaction = new TransactionTemplate(transactionManager);
    this.inventory = inventory;
    this.requests = requests;
    this.numbers = numbers;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  /** The limits of a file: bytes. */
  public long maxFileBytes() {
    return properties.maxFileSize().toBytes();
  }

  /** Imports an export of {@code source} uploaded by {@code user}. */
  public ImportSummary importFile(
      DiscoverySource source, String fileName, byte[] content, String user) {
    return importFile(source, fileName, content, user, Integer.MAX_VALUE);
  }

  /**
   * As {@link #importFile(DiscoverySource, String, byte[], String)}, but stops as if the server
   * crashed once {@code crashAfterLines} lines are written: the tests' way of interrupting an
   * import between two committed chunks.
   */
  ImportSummary importFile(
      DiscoverySource source, String fileName, byte[] content, String user, int crashAfterLines) {
    if (source == DiscoverySource.PUSH) {
      throw new IllegalArgumentException("A file is an SSO or an EXPENSE export");
    }
    String hash = DiscoveryFile.hash(content);
    Optional<ImportSummary> done = previous(hash);
    if (done.isPresent()) {
      return done.get();
    }
    long started = System.nanoTime();
    LocalDate today = LocalDate.now(clock);
    DiscoveryFile.Parsed parsed =
        DiscoveryFile.parse(
            content, source, properties.allLayouts(), maxFileBytes(), properties.maxLines(), today);
    LOG.info(
        "Discovery import of {} ({} layout, {} lines, {} refused) by {} started",
        fileName,
        parsed.layout().name(),
        parsed.linesRead(),
        parsed.refused().size(),
        user);
    VendorMatcher matcher = matcher();
    Set<Integer> written = new HashSet<>(writtenLines(hash));
    List<Sighting> sightings = parsed.sightings();
    int done2 = 0;
    for (int start = 0; start < sightings.size(); ) {
      int end = Math.min(start + CHUNK, sightings.size());
      if (crashAfterLines > start && crashAfterLines < end) {
        end = crashAfterLines;
      }
      List<Sighting> chunk =
          sightings.subList(start, end).stream().filter(s -> !written.contains(s.line())).toList();
      if (!chunk.isEmpty()) {
        try {
          transaction.executeWithoutResult(tx -> writeChunk(hash, chunk, matcher));
        } catch (DuplicateKeyException concurrentImport) {
          // the same file uploaded twice at once, or two files naming one new vendor at once
          throw ApiException.conflict(
              "Another import is writing the same lines or vendors right now. Upload the file"
                  + " again in a moment: what is written stays, the rest is added.");
        }
      }
      int before = done2;
      done2 = end;
      if (done2 / PROGRESS_EVERY > before / PROGRESS_EVERY) {
        LOG.info("Discovery import of {}: {} of {} lines", fileName, done2, sightings.size());
      }
      if (done2 >= crashAfterLines) {
        throw new IllegalStateException("Simulated crash after " + done2 + " lines");
      }
      start = end;
    }
    transaction.executeWithoutResult(tx -> finish(hash, source, fileName, parsed, user));
    ImportSummary summary = previous(hash).orElseThrow();
    LOG.info(
        "Discovery import of {} done in {} ms: {} owned-tool sightings, {} linked to requests,"
            + " {} new findings, {} refused",
        fileName,
        (System.nanoTime() - started) / 1_000_000,
        summary.matchedOwnedTools(),
        summary.linkedToRequests(),
        summary.newFindings(),
        summary.refused().size());
    return new ImportSummary(
        summary.linesRead(),
        summary.matchedOwnedTools(),
        summary.linkedToRequests(),
        summary.newFindings(),
        summary.refused(),
        summary.layout(),
        false,
        "Imported " + summary.linesRead() + " lines.");
  }

  /**
   * One sighting pushed by another system. Idempotent: the same sighting pushed again (same fields)
   * is recorded once. Answers like an import of a one-line file.
   */
  public ImportSummary push(Sighting sighting) {
    String hash =
        DiscoveryFile.hash(
            ("PUSH|" + sighting.toString()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    boolean known =
        jdbc.sql("SELECT COUNT(*) FROM tandem_discovery_sighting WHERE file_hash = ?")
                .param(hash)
                .query(Integer.class)
                .single()
            > 0;
    if (!known) {
      VendorMatcher matcher = matcher();
      transaction.executeWithoutResult(tx -> writeChunk(hash, List.of(sighting), matcher));
    }
    Counts counts = counts(hash);
    return new ImportSummary(
        1,
        counts.tools,
        counts.requests,
        counts.newFindings,
        List.of(),
        "push",
        known,
        known ? "This sighting was recorded already; nothing changed." : "Recorded.");
  }

  private VendorMatcher matcher() {
    List<Tool> owned =
        inventory.tools(Optional.empty()).stream()
            .filter(t -> t.status() == ToolStatus.ACTIVE || t.status() == ToolStatus.PROCUREMENT)
            .toList();
    List<KnownFinding> findings =
        jdbc.sql("SELECT id, vendor_key, first_word_key FROM tandem_discovery_finding ORDER BY id")
            .query((rs, n) -> new KnownFinding(rs.getString(1), rs.getString(2), rs.getString(3)))
            .list();
    return new VendorMatcher(owned, requests.open(), findings);
  }

  private List<Integer> writtenLines(String hash) {
    return jdbc.sql("SELECT line_no FROM tandem_discovery_sighting WHERE file_hash = ?")
        .param(hash)
        .query(Integer.class)
        .list();
  }

  private void writeChunk(String hash, List<Sighting> chunk, VendorMatcher matcher) {
    Timestamp now = Timestamp.from(clock.instant());
    List<Object[]> rows = new ArrayList<>(chunk.size());
    // per finding of this chunk: the earliest first-seen and the latest seen date
    Map<String, LocalDate[]> seen = new HashMap<>();
    for (Sighting s : chunk) {
      Match match = matcher.match(s).orElseGet(() -> newFinding(hash, s, matcher, now));
      if (match.findingId() != null) {
        LocalDate first = s.firstSeen() != null ? s.firstSeen() : s.seenOn();
        seen.merge(
            match.findingId(),
            new LocalDate[] {first, s.seenOn()},
            (a, b) ->
                new LocalDate[] {
                  a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]
                });
      }
      rows.add(
          new Object[] {
            hash,
            s.line(),
            s.source().name(),
            s.vendor(),
            VendorNames.key(s.vendor()),
            s.application(),
            s.domain(),
            s.users(),
            s.amount(),
            s.currency(),
            s.firstSeen() == null ? null : Date.valueOf(s.firstSeen()),
            Date.valueOf(s.seenOn()),
            s.employeeEmail(),
            s.costCentre(),
            match.toolId(),
            match.requestId(),
            match.findingId(),
            now
          });
    }
    jdbcTemplate.batchUpdate(
        """
        INSERT INTO tandem_discovery_sighting (file_hash, line_no, source, vendor, vendor_key,
          application, domain, users, amount, currency, first_seen, seen_on, employee_email,
          cost_centre, tool_id, request_id, finding_id, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        rows);
    List<Object[]> dates =
        seen.entrySet().stream()
            .map(
                e -> {
                  Date first = Date.valueOf(e.getValue()[0]);
                  Date last = Date.valueOf(e.getValue()[1]);
                  return new Object[] {first, first, last, last, now, e.getKey()};
                })
            .toList();
    jdbcTemplate.batchUpdate(
        """
        UPDATE tandem_discovery_finding SET
          first_seen = CASE WHEN first_seen IS NULL OR first_seen > ? THEN ? ELSE first_seen END,
          last_seen = CASE WHEN last_seen IS NULL OR last_seen < ? THEN ? ELSE last_seen END,
          updated_at = ?
        WHERE id = ?""",
        dates);
  }

  private Match newFinding(String hash, Sighting s, VendorMatcher matcher, Timestamp now) {
    String id = numbers.next("SIT", LocalDate.now(clock).getYear());
    String key = VendorNames.key(s.vendor());
    String firstWord = VendorMatcher.firstWordKey(s.vendor());
    LocalDate first = s.firstSeen() != null ? s.firstSeen() : s.seenOn();
    jdbc.sql(
            """
            INSERT INTO tandem_discovery_finding (id, vendor, vendor_key, first_word_key, status,
              first_seen, last_seen, found_in, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            id,
            s.vendor(),
            key,
            firstWord,
            FindingStatus.DISCOVERED.name(),
            first,
            s.seenOn(),
            hash,
            now,
            now)
        .update();
    matcher.addFinding(new KnownFinding(id, key, firstWord));
    events.publishEvent(new FindingDiscovered(id, s.vendor(), s.source(), first));
    LOG.info("New shadow-IT finding {}: {} ({})", id, s.vendor(), s.source());
    return Match.finding(id);
  }

  private void finish(
      String hash,
      DiscoverySource source,
      String fileName,
      DiscoveryFile.Parsed parsed,
      String user) {
    jdbc.sql("DELETE FROM tandem_discovery_refusal WHERE file_hash = ?").param(hash).update();
    List<Object[]> refusals =
        parsed.refused().stream()
            .map(r -> new Object[] {hash, r.line(), SightingRules.shorten500(r.reason())})
            .toList();
    jdbcTemplate.batchUpdate(
        "INSERT INTO tandem_discovery_refusal (file_hash, line_no, reason) VALUES (?, ?, ?)",
        refusals);
    Counts counts = counts(hash);
    jdbc.sql(
            """
            INSERT INTO tandem_discovery_import (file_hash, source, file_name, layout, lines_read,
              matched_owned_tools, linked_to_requests, new_findings, refused, imported_by, imported_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            hash,
            source.name(),
            fileName == null ? null : SightingRules.optionalText(fileName, 255),
            parsed.layout().name(),
            parsed.linesRead(),
            counts.tools,
            counts.requests,
            counts.newFindings,
            parsed.refused().size(),
            user,
            Timestamp.from(clock.instant()))
        .update();
  }

  private record Counts(int tools, int requests, int newFindings) {}

  private Counts counts(String hash) {
    return jdbc.sql(
            """
            SELECT
              (SELECT COUNT(*) FROM tandem_discovery_sighting WHERE file_hash = :h AND tool_id IS NOT NULL),
              (SELECT COUNT(*) FROM tandem_discovery_sighting WHERE file_hash = :h AND request_id IS NOT NULL),
              (SELECT COUNT(*) FROM tandem_discovery_finding WHERE found_in = :h)""")
        .param("h", hash)
        .query((rs, n) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
        .single();
  }

  /** The summary of a file imported before, marked as such. */
  private Optional<ImportSummary> previous(String hash) {
    return jdbc.sql(
            """
            SELECT lines_read, matched_owned_tools, linked_to_requests, new_findings, layout, imported_at
            FROM tandem_discovery_import WHERE file_hash = ?""")
        .param(hash)
        .query(
            (rs, n) ->
                new ImportSummary(
                    rs.getInt(1),
                    rs.getInt(2),
                    rs.getInt(3),
                    rs.getInt(4),
                    refusals(hash),
                    rs.getString(5),
                    true,
                    "This file was imported already on "
                        + rs.getTimestamp(6).toInstant()
                        + "; nothing changed."))
        .optional();
  }

  private List<Refusal> refusals(String hash) {
    return jdbc.sql(
            "SELECT line_no, reason FROM tandem_discovery_refusal WHERE file_hash = ? ORDER BY line_no")
        .param(hash)
        .query((rs, n) -> new Refusal(rs.getInt(1), rs.getString(2)))
        .list();
  }
}
