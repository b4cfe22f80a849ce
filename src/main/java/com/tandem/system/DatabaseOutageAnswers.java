package com.tandem.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tandem.web.ApiProblems;
import com.tandem.web.DatabaseUnreachable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database is away, a call to Tandem's API ({@code /api}) or Camunda's ({@code
 * /engine-rest}, and {@code /camunda/api} that Tasklist and Cockpit call) fails wherever it first
 * needs a connection: often before any controller, in the authentication filters that look the
 * caller up (Camunda's for the engine's API, Tandem's once its short cache runs out). Such a
 * failure would reach the servlet container as a 500 page with a stack trace in the log. This
 * filter, in front of them all, answers it as the controllers do ({@code web.ApiExceptionHandler},
 * {@link EngineRestOutage}): 503, Retry-After, words. Every other failure passes unchanged.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseOutageAnswers {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageAnswers.class);

  /** Before Spring Security (-100) and every authentication filter of Tandem and Camunda. */
  static final int ORDER = -110;

  @Bean
  FilterRegistrationBean<Filter> databaseOutageAnswersFilter(ObjectMapper objectMapper) {
    var registration = new FilterRegistrationBean<>(new Filter(objectMapper));
    registration.setName("tandem-database-outage-answers");
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*");
    registration.setOrder(ORDER);
    return registration;
  }

  static final class Filter extends OncePerRequestFilter {

    private final ObjectMapper objectMapper;

    Filter(ObjectMapper objectMapper) {
      this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      try {
        chain.doFilter(request, response);
      } catch (ServletException | IOException | RuntimeException e) {
        if (!DatabaseUnreachable.isCauseOf(e) || response.isCommitted()) {
          throw e;
        }
        // counted, not printed, by DatabaseOutageLog: the outage is logged once by itself
        LOG.warn(
            "{} {} answered 503: the database is not reachable",
            request.getMethod(),
            request.getRequestURI(),
            e);
        answer(request, response);
      }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      response.reset();
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
      response.setHeader(
          HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnreachable.RETRY_AFTER_SECONDS));
      if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(
            response.getOutputStream(),
            ApiProblems.problem(
                HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnreachable.API_DETAIL, List.of()));
      } else {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), EngineRestOutage.body());
      }
    }
  }
}
