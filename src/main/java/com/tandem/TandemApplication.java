package com.tandem;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Tandem: martech purchases decided jointly by marketing and IT, on the Camunda 7 engine.
 *
 * <p>Spring Security is on the class path for the {@code oidc} profile only (com.tandem.identity
 * sets it up itself there); its auto-configuration would put a password form in front of every page
 * of the default run, which signs people in with Camunda's own users instead.
 */
@SpringBootApplication(
    excludeName = {
      "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
      "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
      "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration"
    })
@ConfigurationPropertiesScan
@EnableProcessApplication("tandem")
public class TandemApplication {

  public static void main(String[] args) {
    SpringApplication.run(TandemApplication.class, args);
  }
}
