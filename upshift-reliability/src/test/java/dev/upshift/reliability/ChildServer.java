package dev.upshift.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code upshift serve} as a child process — its own JVM, started from this JVM's class path — on
 * a free port of 127.0.0.1. It is ready when {@code /healthz} answers. {@link #kill()} sends
 * SIGKILL (what {@link Process#destroyForcibly()} does on Linux; the exit status 137 = 128 + 9
 * proves it). A child still running when this JVM exits is killed by a shutdown hook.
 */
final class ChildServer implements AutoCloseable {
  private static final Pattern SERVING = Pattern.compile("serving http://127\\.0\\.0\\.1:(\\d+)");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  /** Every child alive, for the shutdown hook. */
  private static final Set<Process> ALIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(
        () -> ALIVE.forEach(Process::destroyForcibly), "kill child servers"));
  }

  private final Process process;
  private final Path stderr;
  private final Path stdout;
  final int port;
  final Client client;

  private ChildServer(Process process, Path stderr, Path stdout, int port) {
    this.process = process;
    this.stderr = stderr;
    this.stdout = stdout;
    this.port = port;
    this.client = new Client(port);
  }

  /**
   * Starts a server on the backend's store; returns once {@code /healthz} answers 200. The rate
   * limit is out of reach: the suite's clients are many on one key.
   *
   * @param dir where the child's error output and report files go
   * @param jvmOptions the child's JVM options ({@code -Xmx…})
   */
  static ChildServer start(Backend backend, Path dir, List<String> jvmOptions) {
    try {
      Files.createDirectories(dir);
      Path stderr = Files.createTempFile(dir, "serve-", ".err");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(jvmOptions);
      command.addAll(List.of("-cp", System.getProperty("java.class.path"),
          "dev.upshift.cli.UpshiftCommand", "serve"));
      command.addAll(backend.storeFlags());
      command.addAll(List.of("--port", "0", "--rate-limit", "1000000", "--rate-burst", "1000000",
          "--shutdown-seconds", "5", "--work-dir", dir.resolve("work").toString()));
      Path stdout = Files.createTempFile(dir, "serve-", ".log");
      Process process = new ProcessBuilder(command)
          .redirectOutput(stdout.toFile()) // the request log
          .redirectError(stderr.toFile()).start();
      ALIVE.add(process);
      ChildServer child = new ChildServer(process, stderr, stdout, awaitPort(process, stderr));
      child.awaitHealthy();
      return child;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start upshift serve", e);
    }
  }

  private static int awaitPort(Process process, Path stderr) throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher serving = SERVING.matcher(Files.readString(stderr, StandardCharsets.UTF_8));
      if (serving.find()) {
        return Integer.parseInt(serving.group(1));
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("upshift serve exited with " + process.exitValue() + ":\n"
            + Files.readString(stderr, StandardCharsets.UTF_8));
      }
      pause(50);
    }
    process.destroyForcibly();
    throw new IllegalStateException("upshift serve did not start within " + START_TIMEOUT);
  }

  private void awaitHealthy() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      try {
        if (client.get("/healthz", null).status() == 200) {
          return;
        }
      } catch (UncheckedIOException e) {
        last = e;
      }
      pause(50);
    }
    kill();
    throw new IllegalStateException("/healthz did not answer 200 within " + START_TIMEOUT, last);
  }

  /** Kills the server with SIGKILL; returns its exit status once it is gone. */
  int kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the killed server did not exit within 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      ALIVE.remove(process);
    }
    return process.exitValue();
  }

  /** The child's error output (its stack traces, if any) and the request log's 5xx lines. */
  String errors() {
    try {
      StringBuilder errors = new StringBuilder(Files.readString(stderr, StandardCharsets.UTF_8));
      try (java.util.stream.Stream<String> log = Files.lines(stdout, StandardCharsets.UTF_8)) {
        log.filter(line -> line.contains("\"status\":5")).limit(20)
            .forEach(line -> errors.append(line).append('\n'));
      }
      return errors.toString();
    } catch (IOException | java.io.UncheckedIOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
