package com.tandem.identity;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The sign-out page of Camunda's webapps ({@code /identity/sign-out}) and the page the provider
 * sends people back to after sign-out ({@code /identity/signed-out}).
 */
@Configuration(proxyBeanMethods = false)
@Profile("oidc")
class IdentityPageConfig implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry
        .addViewController(OidcSecurityConfig.SIGNED_OUT_PAGE)
        .setViewName("forward:/identity/signed-out.html");
    registry
        .addViewController(OidcSecurityConfig.SIGN_OUT_PAGE)
        .setViewName("forward:/identity/sign-out.html");
  }
}
