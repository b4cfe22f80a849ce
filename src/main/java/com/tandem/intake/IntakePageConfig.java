package com.tandem.intake;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the intake page (static/intake/) at the address people are given, {@code /intake}, and at
 * {@code /intake/}; Spring's static resource handling alone would answer only {@code
 * /intake/index.html}. The page uses absolute paths for its script and style, so the forward works
 * without a redirect.
 */
@Configuration(proxyBeanMethods = false)
class IntakePageConfig implements WebMvcConfigurer {

  private static final String PAGE = "forward:/intake/index.html";

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController("/intake").setViewName(PAGE);
    registry.addViewController("/intake/").setViewName(PAGE);
  }
}
