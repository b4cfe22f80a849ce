package com.tandem.insights;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Serves the insights page (static/insights/) at {@code /insights} and {@code /insights/}. */
@Configuration(proxyBeanMethods = false)
class InsightsPageConfig implements WebMvcConfigurer {

  private static final String PAGE = "forward:/insights/index.html";

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController("/insights").setViewName(PAGE);
    registry.addViewController("/insights/").setViewName(PAGE);
  }
}
