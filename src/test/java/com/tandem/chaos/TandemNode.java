package com.tandem.chaos;

import com.tandem.testsupport.TandemProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Tandem node as production runs it: its own JVM ({@link TandemProcess}: the application's
 * class path, no test classes), the {@code mysql} profile, its own port. {@link #kill()} is {@code
 * kill -9}: the JVM gets no chance to finish anything.
 */
final class TandemNode {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final String name;
  final int port;
  private final Map<String, String> settings;
  private final Path logDir;
  private TandemProcess process;
  private int starts;
  private volatile boolean ready;

  TandemNode(String name, Map<String, String> settings, Path logDir) {
    this.name = name;
    this.port = freePort();
    this.settings = settings;
    this.logDir = logDir;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  boolean ready() {
    return ready && process != null && process.isAlive();
  }

  /** Starts the JVM; returns at once ({@link #awaitReady} waits for it). */
  synchronized void start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is already running");
    }
    List<String> args = new ArrayList<>();
    args.add("--spring.profiles.active=mysql");
    args.add("--server.port=" + port);
    settings.forEach((key, value) -> args.add("--" + key + "=" + value));
    starts++;
    try {
      Files.createDirectories(logDir);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    process = TandemProcess.start(logDir, Map.of(), args.toArray(String[]::new));
    ready = false;
  }

  /** Waits until the node answers its readiness probe. */
  void awaitReady(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (process == null || !process.isAlive()) {
        throw new IllegalStateException(
            "Node " + name + " died while starting (start " + starts + "):\n" + process.output());
      }
      try {
        HttpResponse<String> reply =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() == 200) {
          ready = true;
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      pause(250);
    }
    throw new IllegalStateException("Node " + name + " not ready within " + timeout);
  }

  /** Lines the current process wrote so far. */
  int outputLines() {
    return process == null ? 0 : (int) process.output().lines().count();
  }

  /** Everything the current process wrote so far. */
  String output() {
    return process == null ? "" : process.output();
  }

  /** {@code kill -9}. */
  synchronized void kill() {
    ready = false;
    if (process != null) {
      process.kill();
      try {
        process.awaitExit(Duration.ofSeconds(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** SIGTERM, and waits for the exit. */
  synchronized int stop(Duration timeout) {
    ready = false;
    if (process == null) {
      return 0;
    }
    process.terminate();
    try {
      return process.awaitExit(timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
