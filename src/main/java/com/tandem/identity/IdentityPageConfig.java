package com.tandem.identity;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The page the provider sends people back to after sign-out, at {@code /identity/signed-out}. */
@Configuration(proxyBeanMethods = false)
@Profile("oidc")
class IdentityPageConfig implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry
        .addViewController(OidcSecurityConfig.SIGNED_OUT_PAGE)
        .setViewName("forward:/identity/signed-out.html");
  }
}
