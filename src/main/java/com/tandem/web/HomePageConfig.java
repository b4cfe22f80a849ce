package com.tandem.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Tandem's front door at {@code /} (static/home/): after sign-in it asks {@code GET /api/me} and
 * sends each person to what they do. Camunda's redirect of {@code /} to its welcome page is off
 * ({@code camunda.bpm.webapp.index-redirect-enabled: false}).
 */
@Configuration(proxyBeanMethods = false)
class HomePageConfig implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController("/").setViewName("forward:/home/index.html");
  }
}
