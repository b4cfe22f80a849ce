package com.tandem.system;

import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's REST API (under {@code /engine-rest}, and the one Tasklist itself calls under {@code
 * /camunda/api/engine}) answers a task completion refused by a Tandem rule, e.g. "Please explain
 * your decision in marketingComment…", with a 500 "Cannot submit task form 4f2c…: ENGINE-03051…":
 * its task resource turns every engine exception into a server error. Tasklist shows that message
 * in a red toast. This mapper answers such a refusal instead with {@code 400} and the refusal's own
 * sentence, which is what Tasklist then shows, and logs it at INFO without a stack trace: it is the
 * person's input, not a fault.
 *
 * <p>It takes precedence over Camunda's own mapper of {@link RestException} by its priority, and
 * only for a RestException caused by a {@link BadUserRequestException}; everything else is mapped
 * as Camunda maps it. Jersey finds it in every JAX-RS application of the JVM through {@link
 * Discovery} ({@code META-INF/services}).
 */
public class EngineRestRefusals implements ExtendedExceptionMapper<RestException> {

  private static final Logger LOG = LoggerFactory.getLogger(EngineRestRefusals.class);

  /** Below Jersey's default user priority (5000): chosen before Camunda's mapper. */
  static final int PRIORITY = 1000;

  @Override
  public boolean isMappable(RestException exception) {
    return refusal(exception) != null;
  }

  @Override
  public Response toResponse(RestException exception) {
    BadUserRequestException refusal = refusal(exception);
    String message = refusal == null ? exception.getMessage() : refusal.getMessage();
    LOG.info("Refused: {}", message);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", BadUserRequestException.class.getSimpleName());
    body.put("message", message);
    return Response.status(Response.Status.BAD_REQUEST)
        .entity(body)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  /** The refusal behind a REST error: a BadUserRequestException, or the engine's wrapper of one. */
  private static BadUserRequestException refusal(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof BadUserRequestException refusal) {
        return refusal;
      }
      if (RefusalsAsTheyAre.refusal(cause) != null) {
        return RefusalsAsTheyAre.refusal(cause);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }

  /** Registers the mapper in each JAX-RS application Jersey starts. */
  @ConstrainedTo(RuntimeType.SERVER)
  public static class Discovery implements AutoDiscoverable {
    @Override
    public void configure(FeatureContext context) {
      if (!context.getConfiguration().isRegistered(EngineRestRefusals.class)) {
        context.register(EngineRestRefusals.class, PRIORITY);
      }
    }
  }
}
