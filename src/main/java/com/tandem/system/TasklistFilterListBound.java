package com.tandem.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps Tasklist working under the engine's query result limit. Tasklist lists a user's filters
 * with an unbounded query ({@code GET .../filter} without {@code maxResults}), which the engine
 * refuses once {@code queryMaxResultsLimit} is set, leaving reviewers without filters. This adds
 * {@code maxResults} (the same limit) to that one call, or lowers the 2000 Tasklist asks for when
 * it pages the list; every other query stays bounded as set.
 */
@Configuration(proxyBeanMethods = false)
class TasklistFilterListBound {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> tasklistFilterListBoundFilter(
      @Value("${camunda.bpm.generic-properties.properties.query-max-results-limit:2000}")
          int limit) {
    var registration = new FilterRegistrationBean<OncePerRequestFilter>(new BoundFilterList(limit));
    registration.addUrlPatterns("/camunda/api/engine/engine/*");
    registration.setName("tandem-tasklist-filter-list-bound");
    return registration;
  }

  static final class BoundFilterList extends OncePerRequestFilter {
    private final String limit;

    BoundFilterList(int limit) {
      this.limit = String.valueOf(limit);
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      // Tasklist asks for the filter list either without maxResults or with maxResults=2000, both
      // above the limit (seen in the browser test): either way it gets the limit.
      boolean filterList =
          "GET".equals(request.getMethod()) && request.getRequestURI().endsWith("/filter");
      chain.doFilter(
          filterList && aboveLimit(request.getParameter("maxResults"))
              ? new WithMaxResults(request, limit)
              : request,
          response);
    }

    private boolean aboveLimit(String maxResults) {
      if (maxResults == null) {
        return true;
      }
      try {
        return Long.parseLong(maxResults.strip()) > Long.parseLong(limit);
      } catch (NumberFormatException notANumber) {
        return false; // the engine answers that itself
      }
    }
  }

  private static final class WithMaxResults extends HttpServletRequestWrapper {
    private final String limit;

    WithMaxResults(HttpServletRequest request, String limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public String getQueryString() {
      String query =
          super.getQueryString() == null
              ? ""
              : super.getQueryString().replaceAll("(^|&)maxResults=[^&]*", "");
      query = query.startsWith("&") ? query.substring(1) : query;
      return (query.isEmpty() ? "" : query + "&") + "maxResults=" + limit;
    }

    @Override
    public String getParameter(String name) {
      return "maxResults".equals(name) ? limit : super.getParameter(name);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      Map<String, String[]> parameters = new HashMap<>(super.getParameterMap());
      parameters.put("maxResults", new String[] {limit});
      return Collections.unmodifiableMap(parameters);
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(getParameterMap().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
      return getParameterMap().get(name);
    }
  }
}
