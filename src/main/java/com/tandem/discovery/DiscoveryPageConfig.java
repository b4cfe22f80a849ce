package com.tandem.discovery;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the discovery page (static/discovery/), where IT operations upload SSO and expense exports
 * and everyone concerned follows the findings, at {@code /discovery} and {@code /discovery/}. The
 * page uses absolute paths for its script and styles (it shares Tandem's /common/tandem.js and
 * tandem.css), so the forward works without a redirect.
 */
@Configuration(proxyBeanMethods = false)
class DiscoveryPageConfig implements WebMvcConfigurer {

  private static final String PAGE = "forward:/discovery/index.html";

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController("/discovery").setViewName(PAGE);
    registry.addViewController("/discovery/").setViewName(PAGE);
  }
}
