package dev.upshift.server;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How the server runs: where it listens and its limits. Immutable; {@link #defaults()} then the
 * {@code with…} methods, or {@link #fromEnvironment} for the {@code UPSHIFT_*} variables (flags of
 * {@code upshift serve} override them). Which store it uses is not part of it: the server is
 * handed an open store.
 *
 * @param host the address to bind; {@code 127.0.0.1} by default, so a fresh install is reachable
 *     from this machine only (bind {@code 0.0.0.0} deliberately, behind TLS)
 * @param port the port; 0 picks a free one (tests)
 * @param maxBodyBytes the largest request body; larger ones get 413
 * @param requestsPerSecond the sustained requests per second of one key before 429
 * @param burst the requests one key may make at once
 * @param shutdownTimeout how long a stop waits for requests in flight to finish
 * @param workDir where reports write their temporary input files
 * @param dataCacheEntries how many workspace versions to keep read in memory
 * @param resultCacheEntries how many reports and ledgers to keep
 * @param requestLog where the request log's lines go
 */
public record ServerConfig(String host, int port, long maxBodyBytes, double requestsPerSecond,
    int burst, Duration shutdownTimeout, Path workDir, int dataCacheEntries,
    int resultCacheEntries, Consumer<String> requestLog) {

  /** The port of SPEC §8.1. */
  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_HOST = "127.0.0.1";
  /** 64 MiB: a batch of 100,000 phases as JSON is about 25 MiB. */
  public static final long DEFAULT_MAX_BODY_BYTES = 64L << 20;
  /** Generous: a client posting batches back to back stays far below it. */
  public static final double DEFAULT_REQUESTS_PER_SECOND = 100;
  public static final int DEFAULT_BURST = 200;

  public ServerConfig {
    requireNonNull(host, "host is null");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0-65535: " + port);
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes < 1: " + maxBodyBytes);
    }
    if (!(requestsPerSecond > 0) || burst < 1) {
      throw new IllegalArgumentException("the rate limit needs requestsPerSecond > 0 and burst >= 1");
    }
    requireNonNull(shutdownTimeout, "shutdownTimeout is null");
    requireNonNull(workDir, "workDir is null");
    if (dataCacheEntries < 1 || resultCacheEntries < 1) {
      throw new IllegalArgumentException("cache sizes must be at least 1");
    }
    requireNonNull(requestLog, "requestLog is null");
  }

  /** Every default: 127.0.0.1:8080, 64 MiB bodies, 100 requests a second (200 at once) a key. */
  public static ServerConfig defaults() {
    return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_BODY_BYTES,
        DEFAULT_REQUESTS_PER_SECOND, DEFAULT_BURST, Duration.ofSeconds(30),
        Path.of(System.getProperty("java.io.tmpdir"), "upshift"), 2, 64, RequestLog::stdout);
  }

  /**
   * The defaults overridden by {@code UPSHIFT_HOST}, {@code UPSHIFT_PORT}, {@code
   * UPSHIFT_MAX_BODY_BYTES}, {@code UPSHIFT_RATE_LIMIT} (requests per second), {@code
   * UPSHIFT_RATE_BURST}, {@code UPSHIFT_SHUTDOWN_SECONDS} and {@code UPSHIFT_WORK_DIR}.
   *
   * @throws IllegalArgumentException naming a variable whose value is not usable
   */
  public static ServerConfig fromEnvironment(Map<String, String> env) {
    ServerConfig config = defaults();
    if (env.get("UPSHIFT_HOST") != null) {
      config = config.withHost(env.get("UPSHIFT_HOST"));
    }
    if (env.get("UPSHIFT_PORT") != null) {
      config = config.withPort((int) number(env, "UPSHIFT_PORT"));
    }
    if (env.get("UPSHIFT_MAX_BODY_BYTES") != null) {
      config = config.withMaxBodyBytes(number(env, "UPSHIFT_MAX_BODY_BYTES"));
    }
    if (env.get("UPSHIFT_RATE_LIMIT") != null || env.get("UPSHIFT_RATE_BURST") != null) {
      config = config.withRateLimit(
          env.get("UPSHIFT_RATE_LIMIT") == null ? config.requestsPerSecond()
              : number(env, "UPSHIFT_RATE_LIMIT"),
          env.get("UPSHIFT_RATE_BURST") == null ? config.burst()
              : (int) number(env, "UPSHIFT_RATE_BURST"));
    }
    if (env.get("UPSHIFT_SHUTDOWN_SECONDS") != null) {
      config = config.withShutdownTimeout(Duration.ofSeconds(number(env, "UPSHIFT_SHUTDOWN_SECONDS")));
    }
    if (env.get("UPSHIFT_WORK_DIR") != null) {
      config = config.withWorkDir(Path.of(env.get("UPSHIFT_WORK_DIR")));
    }
    return config;
  }

  private static long number(Map<String, String> env, String name) {
    try {
      return Long.parseLong(env.get(name).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not '" + env.get(name) + "'");
    }
  }

  public ServerConfig withHost(String value) {
    return new ServerConfig(value, port, maxBodyBytes, requestsPerSecond, burst, shutdownTimeout,
        workDir, dataCacheEntries, resultCacheEntries, requestLog);
  }

  public ServerConfig withPort(int value) {
    return new ServerConfig(host, value, maxBodyBytes, requestsPerSecond, burst, shutdownTimeout,
        workDir, dataCacheEntries, resultCacheEntries, requestLog);
  }

  public ServerConfig withMaxBodyBytes(long value) {
    return new ServerConfig(host, port, value, requestsPerSecond, burst, shutdownTimeout,
        workDir, dataCacheEntries, resultCacheEntries, requestLog);
  }

  public ServerConfig withRateLimit(double perSecond, int burstSize) {
    return new ServerConfig(host, port, maxBodyBytes, perSecond, burstSize, shutdownTimeout,
        workDir, dataCacheEntries, resultCacheEntries, requestLog);
  }

  public ServerConfig withShutdownTimeout(Duration value) {
    return new ServerConfig(host, port, maxBodyBytes, requestsPerSecond, burst, value,
        workDir, dataCacheEntries, resultCacheEntries, requestLog);
  }

  public ServerConfig withWorkDir(Path value) {
    return new ServerConfig(host, port, maxBodyBytes, requestsPerSecond, burst, shutdownTimeout,
        value, dataCacheEntries, resultCacheEntries, requestLog);
  }

  public ServerConfig withRequestLog(Consumer<String> value) {
    return new ServerConfig(host, port, maxBodyBytes, requestsPerSecond, burst, shutdownTimeout,
        workDir, dataCacheEntries, resultCacheEntries, value);
  }

  /** Where request log lines go by default: standard output, one line each. */
  private static final class RequestLog {
    private RequestLog() {}

    static synchronized void stdout(String line) {
      System.out.println(line);
    }
  }
}
