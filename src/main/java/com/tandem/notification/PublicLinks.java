package com.tandem.notification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tandem.links.public-base-url}: the address people reach Tandem at (environment variable
 * {@code TANDEM_PUBLIC_BASE_URL}, default {@code http://localhost:8080}), so that every mail links
 * to the request or the task it is about instead of saying "open Tasklist".
 */
@Validated
@ConfigurationProperties("tandem.links")
public record PublicLinks(
    @DefaultValue("http://localhost:8080") @NotBlank @Pattern(regexp = "https?://\\S+")
        String publicBaseUrl) {

  /** The base without a trailing slash. */
  public String base() {
    return publicBaseUrl.endsWith("/")
        ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
        : publicBaseUrl;
  }

  /** The request on the intake page, opened after sign-in: {@code …/intake#MTR-2026-00042}. */
  public String request(String requestId) {
    return base() + "/intake#" + requestId;
  }

  /** Tasklist, on its list of tasks. */
  public String tasklist() {
    return base() + "/camunda/app/tasklist/default/";
  }

  /** One task in Tasklist. */
  public String task(String taskId) {
    return tasklist() + "#/?task=" + taskId;
  }
}
