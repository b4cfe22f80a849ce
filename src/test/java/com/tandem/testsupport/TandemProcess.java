package com.tandem.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Tandem (or another main class) as a real, separate JVM process: what an operator starts, stops
 * with SIGTERM or loses to {@code kill -9}. Runs from the build's class path without the test
 * classes (so none of the tests' configuration leaks in) unless asked for them; its output goes to
 * a file the test reads.
 */
public final class TandemProcess implements AutoCloseable {

  public static final String MAIN = "com.tandem.TandemApplication";

  private final Process process;
  private final Path output;

  private TandemProcess(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /**
   * Starts {@link #MAIN} with these environment variables and arguments, working in {@code dir}.
   */
  public static TandemProcess start(Path dir, Map<String, String> env, String... args) {
    return start(MAIN, false, dir, env, args);
  }

  /** Starts {@code mainClass}, with the test classes on its class path if {@code testClasses}. */
  public static TandemProcess start(
      String mainClass, boolean testClasses, Path dir, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx512m");
    command.add("-XX:TieredStopAtLevel=1"); // starts faster; these processes live for seconds
    command.add("-cp");
    command.add(classPath(testClasses));
    command.add(mainClass);
    command.addAll(Arrays.asList(args));
    Path output = dir.resolve("process-" + System.nanoTime() + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("TANDEM_"));
    builder.environment().putAll(env);
    try {
      return new TandemProcess(builder.start(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String classPath(boolean testClasses) {
    String path =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(path.split(File.pathSeparator))
        .filter(entry -> testClasses || !entry.endsWith("test-classes"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  /** Everything the process wrote so far. */
  public String output() {
    try {
      return Files.readString(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the output contains {@code text}; false if the process ended or time ran out. */
  public boolean awaitOutput(String text, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (output().contains(text)) {
        return true;
      }
      if (!process.isAlive()) {
        return output().contains(text);
      }
      Thread.sleep(200);
    }
    return false;
  }

  /** Waits for the process to end and returns its exit code; fails if it outlives the timeout. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(
          "The process did not end within " + timeout + "; its output:\n" + output());
    }
    return process.exitValue();
  }

  /** SIGTERM, as a container runtime or systemd stops a service. */
  public void terminate() {
    process.destroy();
  }

  /** SIGKILL: the process dies at once, between any two lines. */
  public void kill() {
    process.destroyForcibly();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
