package com.tandem.system;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API under /engine-rest answers only to HTTP Basic with Camunda credentials; what
 * a caller may then see and do is decided by Camunda authorizations. The profile {@code oidc} names
 * another provider ({@code tandem.engine-rest.authentication-provider}) that takes the identity
 * provider's bearer tokens as well.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestSecurityConfig {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter(
      @Value(
              "${tandem.engine-rest.authentication-provider:org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider}")
          String authenticationProvider) {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-engine-rest-auth");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, authenticationProvider);
    registration.setOrder(10);
    return registration;
  }
}
