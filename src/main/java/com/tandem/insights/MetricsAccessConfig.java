package com.tandem.insights;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tandem.request.TandemGroups;
import com.tandem.web.ApiAuthenticationFilter;
import com.tandem.web.ApiCaller;
import com.tandem.web.ApiProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator/prometheus} is never anonymous: HTTP Basic with a Camunda user (as {@code
 * /api}), and only members of {@code it-operations} (who run Tandem) or {@code camunda-admin} may
 * read it; anyone else gets 403. Health stays open for load balancers.
 */
@Configuration(proxyBeanMethods = false)
class MetricsAccessConfig {

  static final String METRICS_PATH = "/actuator/prometheus";

  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> metricsAuthenticationFilter(
      IdentityService identityService, ObjectMapper objectMapper, Clock clock) {
    var registration =
        new FilterRegistrationBean<>(
            new ApiAuthenticationFilter(
                identityService, objectMapper, Duration.ofSeconds(30), clock));
    registration.setName("tandem-metrics-auth");
    registration.addUrlPatterns(METRICS_PATH, METRICS_PATH + "/*");
    registration.setOrder(22);
    return registration;
  }

  @Bean
  FilterRegistrationBean<OperatorsOnly> metricsOperatorsOnlyFilter(
      IdentityService identityService, ObjectMapper objectMapper) {
    var registration =
        new FilterRegistrationBean<>(new OperatorsOnly(identityService, objectMapper));
    registration.setName("tandem-metrics-operators-only");
    registration.addUrlPatterns(METRICS_PATH, METRICS_PATH + "/*");
    registration.setOrder(23);
    return registration;
  }

  /** Lets through only IT operations and administrators, once signed in. */
  static final class OperatorsOnly extends OncePerRequestFilter {

    private final IdentityService identityService;
    private final ObjectMapper objectMapper;

    OperatorsOnly(IdentityService identityService, ObjectMapper objectMapper) {
      this.identityService = identityService;
      this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      ApiCaller caller = ApiCaller.current(identityService);
      if (caller.isAdmin() || caller.groups().contains(TandemGroups.IT_OPERATIONS)) {
        chain.doFilter(request, response);
        return;
      }
      response.setStatus(HttpStatus.FORBIDDEN.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      objectMapper.writeValue(
          response.getOutputStream(),
          ApiProblems.problem(
              HttpStatus.FORBIDDEN,
              "Metrics are open to IT operations and administrators.",
              List.of()));
    }
  }
}
