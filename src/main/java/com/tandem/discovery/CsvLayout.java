package com.tandem.discovery;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A column layout of a discovery export: which header holds which {@link Field}, which of them a
 * file must have to be recognised as this layout, and the source it belongs to. The built-in
 * layouts are those of the exports PRODUCT.md §5 names (see README, "Discovery"); others come from
 * {@code tandem.discovery.layouts.<name>.*}.
 */
public record CsvLayout(
    String name,
    DiscoverySource source,
    Map<Field, String> columns,
    Set<Field> required,
    boolean oneRowPerUser) {

  /** What a column means. */
  public enum Field {
    VENDOR,
    APPLICATION,
    DOMAIN,
    USERS,
    FIRST_SEEN,
    LAST_SEEN,
    DATE,
    AMOUNT,
    CURRENCY,
    EMPLOYEE_EMAIL,
    COST_CENTRE
  }

  public CsvLayout {
    columns = Map.copyOf(columns);
    required = Set.copyOf(required);
  }

  /**
   * Okta Admin Console, Reports > Reports > Application Usage > Download CSV: one row per sign-in
   * ("Person", "Login", "Application Username", "Instance Name", "Login Date", "Login
   * Date_ISO8601").
   */
  public static final CsvLayout OKTA =
      new CsvLayout(
          "okta-app-usage",
          DiscoverySource.SSO,
          Map.of(
              Field.APPLICATION, "Instance Name",
              Field.EMPLOYEE_EMAIL, "Login",
              Field.LAST_SEEN, "Login Date_ISO8601"),
          Set.of(Field.APPLICATION, Field.EMPLOYEE_EMAIL, Field.LAST_SEEN),
          true);

  /**
   * Microsoft Entra admin center, Identity > Monitoring & health > Sign-in logs > Download > CSV:
   * one row per sign-in ("Date (UTC)", "Request ID", "User", "Username", "User ID", "Application",
   * "Application ID", "Resource", "Status", "IP address", "Location", ...).
   */
  public static final CsvLayout ENTRA =
      new CsvLayout(
          "entra-signins",
          DiscoverySource.SSO,
          Map.of(
              Field.APPLICATION, "Application",
              Field.EMPLOYEE_EMAIL, "Username",
              Field.LAST_SEEN, "Date (UTC)"),
          Set.of(Field.APPLICATION, Field.EMPLOYEE_EMAIL, Field.LAST_SEEN),
          true);

  /**
   * Google Admin console, Security > Access and data control > API controls > Manage Third-Party
   * App Access > Accessed apps > Download list: one row per app ("App name", "Type", "ID",
   * "Verification status", "Users", "Access", "Requested services"); no dates, so a row is seen on
   * the day of the import.
   */
  public static final CsvLayout GOOGLE =
      new CsvLayout(
          "google-workspace-apps",
          DiscoverySource.SSO,
          Map.of(Field.APPLICATION, "App name", Field.USERS, "Users"),
          Set.of(Field.APPLICATION, Field.USERS),
          false);

  /**
   * The same console's Configured apps list (apps with an access policy), downloaded from the same
   * page: its CSV names the user count "Number of users" and adds columns the table does not show
   * ("Requested services", "API scopes"); Google's help for App access control describes them.
   */
  public static final CsvLayout GOOGLE_CONFIGURED =
      new CsvLayout(
          "google-workspace-configured-apps",
          DiscoverySource.SSO,
          Map.of(Field.APPLICATION, "App name", Field.USERS, "Number of users"),
          Set.of(Field.APPLICATION, Field.USERS),
          false);

  /** Tandem's generic SSO layout: application, vendor or domain, users, first and last seen. */
  public static final CsvLayout TANDEM_SSO =
      new CsvLayout(
          "tandem-sso",
          DiscoverySource.SSO,
          Map.of(
              Field.APPLICATION, "application",
              Field.VENDOR, "vendor",
              Field.DOMAIN, "domain",
              Field.USERS, "users",
              Field.FIRST_SEEN, "firstSeen",
              Field.LAST_SEEN, "lastSeen"),
          Set.of(Field.APPLICATION, Field.USERS, Field.LAST_SEEN),
          false);

  /**
   * Tandem's generic expense layout: {@code
   * date,merchant,amount,currency,employeeEmail,costCentre}.
   */
  public static final CsvLayout TANDEM_EXPENSE =
      new CsvLayout(
          "tandem-expense",
          DiscoverySource.EXPENSE,
          Map.of(
              Field.DATE, "date",
              Field.VENDOR, "merchant",
              Field.AMOUNT, "amount",
              Field.CURRENCY, "currency",
              Field.EMPLOYEE_EMAIL, "employeeEmail",
              Field.COST_CENTRE, "costCentre"),
          Set.of(Field.DATE, Field.VENDOR, Field.AMOUNT, Field.CURRENCY),
          false);

  public static final List<CsvLayout> BUILT_IN =
      List.of(OKTA, ENTRA, GOOGLE, GOOGLE_CONFIGURED, TANDEM_SSO, TANDEM_EXPENSE);

  /** A layout of {@code tandem.discovery.layouts.<name>}: every mapped column is required. */
  public static CsvLayout configured(String name, DiscoveryProperties.LayoutMapping mapping) {
    Map<Field, String> columns = new EnumMap<>(Field.class);
    put(columns, Field.VENDOR, mapping.vendor());
    put(columns, Field.APPLICATION, mapping.application());
    put(columns, Field.DOMAIN, mapping.domain());
    put(columns, Field.USERS, mapping.users());
    put(columns, Field.FIRST_SEEN, mapping.firstSeen());
    put(columns, Field.LAST_SEEN, mapping.lastSeen());
    put(columns, Field.DATE, mapping.date());
    put(columns, Field.AMOUNT, mapping.amount());
    put(columns, Field.CURRENCY, mapping.currency());
    put(columns, Field.EMPLOYEE_EMAIL, mapping.employeeEmail());
    put(columns, Field.COST_CENTRE, mapping.costCentre());
    if (!columns.containsKey(Field.VENDOR)
        && !columns.containsKey(Field.APPLICATION)
        && !columns.containsKey(Field.DOMAIN)) {
      throw new IllegalArgumentException(
          "tandem.discovery.layouts." + name + " maps no vendor, application or domain column");
    }
    if (mapping.source() == null || mapping.source() == DiscoverySource.PUSH) {
      throw new IllegalArgumentException(
          "tandem.discovery.layouts." + name + ".source must be SSO or EXPENSE");
    }
    return new CsvLayout(name, mapping.source(), columns, columns.keySet(), false);
  }

  private static void put(Map<Field, String> columns, Field field, String header) {
    if (header != null && !header.isBlank()) {
      columns.put(field, header.strip());
    }
  }

  /** Whether a header line (its column names) holds every required column of this layout. */
  public boolean matches(Collection<String> header) {
    Set<String> names =
        header.stream().map(CsvLayout::normalise).collect(Collectors.toUnmodifiableSet());
    return required.stream().allMatch(f -> names.contains(normalise(columns.get(f))));
  }

  /** Column names compared without case and surrounding blanks. */
  static String normalise(String column) {
    return column == null ? "" : column.strip().toLowerCase(Locale.ROOT);
  }
}
