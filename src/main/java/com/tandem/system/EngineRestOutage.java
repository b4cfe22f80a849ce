package com.tandem.system;

import com.tandem.web.DatabaseUnreachable;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camunda's REST API (under {@code /engine-rest}, and {@code /camunda/api/engine} that Tasklist and
 * Cockpit call) answers a call that met a database away with 500 and the engine's message
 * ("ENGINE-03004 Exception while executing Database Operation ... Communications link failure"),
 * and logs a stack trace. These mappers answer it instead with 503, Retry-After and words in
 * Camunda's error shape ({@code type}, {@code message}, which Tasklist shows), for each of the
 * three exception types Camunda maps itself; every other failure is mapped as Camunda maps it.
 * Jersey finds them in every JAX-RS application of the JVM through {@link Discovery}.
 */
public final class EngineRestOutage {

  private static final Logger LOG = LoggerFactory.getLogger(EngineRestOutage.class);

  /** Before Camunda's own mappers of the same types (Jersey's default priority is 5000). */
  static final int PRIORITY = 1000;

  private EngineRestOutage() {}

  static Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "DatabaseUnreachable");
    body.put("message", DatabaseUnreachable.DETAIL);
    return body;
  }

  static Response answer(Throwable failure) {
    // counted, not printed, by DatabaseOutageLog: the outage is logged once by itself
    LOG.warn("Engine REST call answered 503: the database is not reachable", failure);
    return Response.status(Response.Status.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, DatabaseUnreachable.RETRY_AFTER_SECONDS)
        .entity(body())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  /** What Camunda maps with its ExceptionHandler: Spring's transaction and data access errors. */
  public static class AnyFailure implements ExtendedExceptionMapper<Throwable> {
    @Override
    public boolean isMappable(Throwable exception) {
      return DatabaseUnreachable.isCauseOf(exception);
    }

    @Override
    public Response toResponse(Throwable exception) {
      return answer(exception);
    }
  }

  /** The engine's own wrapper of a failed database operation. */
  public static class EngineFailure implements ExtendedExceptionMapper<ProcessEngineException> {
    @Override
    public boolean isMappable(ProcessEngineException exception) {
      return DatabaseUnreachable.isCauseOf(exception);
    }

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return answer(exception);
    }
  }

  /** The REST resources' wrapper ("Cannot complete task ...") of either. */
  public static class RestFailure implements ExtendedExceptionMapper<RestException> {
    @Override
    public boolean isMappable(RestException exception) {
      return DatabaseUnreachable.isCauseOf(exception);
    }

    @Override
    public Response toResponse(RestException exception) {
      return answer(exception);
    }
  }

  /** Registers the mappers in each JAX-RS application Jersey starts. */
  @ConstrainedTo(RuntimeType.SERVER)
  public static class Discovery implements AutoDiscoverable {
    @Override
    public void configure(FeatureContext context) {
      for (Class<?> mapper :
          new Class<?>[] {AnyFailure.class, EngineFailure.class, RestFailure.class}) {
        if (!context.getConfiguration().isRegistered(mapper)) {
          context.register(mapper, PRIORITY);
        }
      }
    }
  }
}
