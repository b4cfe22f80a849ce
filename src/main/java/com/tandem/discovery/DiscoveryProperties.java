package com.tandem.discovery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code tandem.discovery.*}: the limits of an imported file and the column layouts of exports
 * Tandem does not know by itself ({@code layouts.<name>.source}, {@code .vendor}, {@code
 * .application}, {@code .domain}, {@code .users}, {@code .first-seen}, {@code .last-seen}, {@code
 * .date}, {@code .amount}, {@code .currency}, {@code .employee-email}, {@code .cost-centre}: each
 * names the header of that column).
 */
@ConfigurationProperties("tandem.discovery")
public record DiscoveryProperties(
    @DefaultValue("20MB") DataSize maxFileSize,
    @DefaultValue("100000") int maxLines,
    Map<String, LayoutMapping> layouts) {

  public DiscoveryProperties {
    layouts = layouts == null ? Map.of() : new LinkedHashMap<>(layouts);
    if (maxLines < 1) {
      throw new IllegalArgumentException("tandem.discovery.max-lines must be positive");
    }
  }

  /** Which header holds which field; unmapped fields are absent from the export. */
  public record LayoutMapping(
      DiscoverySource source,
      String vendor,
      String application,
      String domain,
      String users,
      String firstSeen,
      String lastSeen,
      String date,
      String amount,
      String currency,
      String employeeEmail,
      String costCentre) {}

  /** The configured layouts first (a company's own mapping wins), then the built-in ones. */
  public List<CsvLayout> allLayouts() {
    List<CsvLayout> all = new java.util.ArrayList<>();
    layouts.forEach((name, mapping) -> all.add(CsvLayout.configured(name, mapping)));
    all.addAll(CsvLayout.BUILT_IN);
    return List.copyOf(all);
  }
}
