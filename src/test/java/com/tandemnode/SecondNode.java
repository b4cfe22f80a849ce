package com.tandemnode;

import com.tandem.TandemApplication;

/**
 * A second Tandem node in the JVM of a test ({@code renewal.RenewalScanClusterTest}): Tandem
 * without its process application "tandem", which the first node registered (a real second node, in
 * its own JVM, registers its own); its engine reads the models the first node deployed. Outside
 * {@code com.tandem} so that neither the application's component scan nor a {@code
 * SpringBootTest}'s search for its configuration finds it.
 */
@org.springframework.boot.SpringBootConfiguration
@org.springframework.boot.autoconfigure.EnableAutoConfiguration
@org.springframework.boot.context.properties.ConfigurationPropertiesScan("com.tandem")
@org.springframework.context.annotation.ComponentScan(
    basePackages = "com.tandem",
    excludeFilters = {
      @org.springframework.context.annotation.ComponentScan.Filter(
          type = org.springframework.context.annotation.FilterType.ASSIGNABLE_TYPE,
          classes = TandemApplication.class),
      @org.springframework.context.annotation.ComponentScan.Filter(
          type = org.springframework.context.annotation.FilterType.REGEX,
          pattern = "com\\.tandem\\..*(Test|Benchmark).*|com\\.tandem\\..*Contract(\\$.*)?"),
      @org.springframework.context.annotation.ComponentScan.Filter(
          type = org.springframework.context.annotation.FilterType.REGEX,
          pattern = "com\\.tandem\\.testsupport\\..*"),
      // registered once, by the properties scan above
      @org.springframework.context.annotation.ComponentScan.Filter(
          type = org.springframework.context.annotation.FilterType.REGEX,
          pattern = "com\\.tandem\\..*Properties")
    })
public class SecondNode {}
