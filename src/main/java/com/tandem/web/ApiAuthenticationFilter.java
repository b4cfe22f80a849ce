package com.tandem.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic for {@code /api/**} against the Camunda users Tasklist uses: the password is checked
 * by {@link IdentityService#checkPassword} (so Camunda's login throttling applies), the user's
 * groups are looked up, and the Camunda authentication is set for the call and cleared after it, so
 * the engine knows who starts a process (the BPMN {@code camunda:initiator}).
 *
 * <p>A successful check is remembered for a short time ({@code tandem.api.auth-cache-ttl}), keyed
 * by a salted hash of the credentials, never the password itself: an intake form that submits many
 * requests does not pay two database reads per call. A changed password or group takes effect after
 * that time at the latest; a failed check is never cached.
 *
 * <p>A caller signed in before this filter by the company's identity provider (profile {@code
 * oidc}: a bearer token or the browser session of the pages) arrives as the request attribute
 * {@link ApiCaller#SIGNED_IN}; HTTP Basic credentials, when sent, still take precedence.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  static final String CHALLENGE = "Basic realm=\"Tandem\"";
  private static final int MAX_CACHED = 10_000;

  private final IdentityService identityService;
  private final ObjectMapper objectMapper;
  private final Duration cacheTtl;
  private final Clock clock;
  private final byte[] salt = new byte[16];
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(String userId, List<String> groups, Instant until) {}

  public ApiAuthenticationFilter(
      IdentityService identityService, ObjectMapper objectMapper, Duration cacheTtl, Clock clock) {
    this.identityService = identityService;
    this.objectMapper = objectMapper;
    this.cacheTtl = cacheTtl;
    this.clock = clock;
    new SecureRandom().nextBytes(salt);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String[] credentials = basicCredentials(request.getHeader("Authorization"));
    Cached caller = credentials == null ? null : authenticate(credentials[0], credentials[1]);
    if (credentials == null && request.getAttribute(ApiCaller.SIGNED_IN) instanceof ApiCaller in) {
      caller = new Cached(in.userId(), in.groups(), null);
    }
    if (caller == null) {
      unauthorized(
          response,
          credentials == null
              ? "Sign in with HTTP Basic and your Tandem (Camunda) user name and password."
              : "The user name or password is wrong (or the user is locked for a moment after failed attempts).");
      return;
    }
    identityService.setAuthentication(caller.userId(), caller.groups());
    MDC.put("user", caller.userId());
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
      MDC.remove("user");
    }
  }

  private Cached authenticate(String user, String password) {
    String key = cacheKey(user, password);
    Instant now = clock.instant();
    Cached cached = key == null ? null : cache.get(key);
    if (cached != null && cached.until().isAfter(now)) {
      return cached;
    }
    if (user.isEmpty()
        || user.length() > 64
        || password.length() > 512
        || !identityService.checkPassword(user, password)) {
      return null;
    }
    List<String> groups =
        identityService.createGroupQuery().groupMember(user).list().stream()
            .map(Group::getId)
            .toList();
    Cached fresh = new Cached(user, groups, now.plus(cacheTtl));
    if (key != null && !cacheTtl.isZero()) {
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
      cache.put(key, fresh);
    }
    return fresh;
  }

  private String cacheKey(String user, String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      sha.update(user.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(password.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException impossible) {
      return null;
    }
  }

  /** {user, password} from an {@code Authorization: Basic ...} header, or null. */
  static String[] basicCredentials(String header) {
    if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0
          ? null
          : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  private void unauthorized(HttpServletResponse response, String detail) throws IOException {
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    response.setHeader("WWW-Authenticate", CHALLENGE);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(
        response.getOutputStream(),
        ApiProblems.problem(HttpStatus.UNAUTHORIZED, detail, List.of()));
  }
}
