package dev.upshift.cli;

import dev.upshift.server.ServerConfig;
import dev.upshift.server.UpshiftServer;
import dev.upshift.store.Store;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code upshift serve}: the HTTP API (§8) until stopped. SIGTERM or Ctrl-C stops it gracefully:
 * requests in flight, an ingestion being committed among them, finish first. Flags override the
 * {@code UPSHIFT_*} environment variables, which override the defaults.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Serve the HTTP API (reports, ingestion, keys) on the store until stopped.",
        "Binds 127.0.0.1 by default: reachable from this machine only. Request logs go to standard"
            + " output, one JSON line each."})
final class ServeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  StoreSelection store;

  @Option(names = "--host", paramLabel = "HOST",
      description = "Address to bind (default: $UPSHIFT_HOST or 127.0.0.1; 0.0.0.0 for every interface).")
  String host;

  @Option(names = "--port", paramLabel = "N",
      description = "Port (default: $UPSHIFT_PORT or 8080; 0 for any free port).")
  Integer port;

  @Option(names = "--max-body-bytes", paramLabel = "N",
      description = "Largest request body; larger ones get 413 (default: $UPSHIFT_MAX_BODY_BYTES or 67108864).")
  Long maxBodyBytes;

  @Option(names = "--rate-limit", paramLabel = "N",
      description = "Requests per second one key may make before 429 (default: $UPSHIFT_RATE_LIMIT or 100).")
  Double rateLimit;

  @Option(names = "--rate-burst", paramLabel = "N",
      description = "Requests one key may make at once (default: $UPSHIFT_RATE_BURST or 200).")
  Integer rateBurst;

  @Option(names = "--shutdown-seconds", paramLabel = "N",
      description = "How long a stop waits for requests in flight (default: $UPSHIFT_SHUTDOWN_SECONDS or 30).")
  Integer shutdownSeconds;

  @Option(names = "--work-dir", paramLabel = "DIR",
      description = "Where reports write temporary files (default: $UPSHIFT_WORK_DIR or the system's temp dir).")
  Path workDir;

  private final Map<String, String> env;

  ServeCommand() {
    this(System.getenv());
  }

  ServeCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws InterruptedException {
    ServerConfig config;
    try {
      config = configure(ServerConfig.fromEnvironment(env));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    Store opened = store.open(env);
    UpshiftServer server;
    try {
      server = UpshiftServer.start(config, opened);
    } catch (RuntimeException e) {
      opened.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      opened.close();
      stopped.countDown();
    }, "upshift-shutdown"));
    err.println("upshift: serving http://" + config.host() + ":" + server.port() + " (store: "
        + store.describe(env) + "); dashboard at /, GET /healthz, API reference at"
        + " /v1/openapi.json; stop with"
        + " Ctrl-C or SIGTERM");
    err.flush();
    stopped.await();
    return ExitCode.OK;
  }

  private ServerConfig configure(ServerConfig config) {
    if (host != null) {
      config = config.withHost(host);
    }
    if (port != null) {
      config = config.withPort(port);
    }
    if (maxBodyBytes != null) {
      config = config.withMaxBodyBytes(maxBodyBytes);
    }
    if (rateLimit != null || rateBurst != null) {
      config = config.withRateLimit(rateLimit == null ? config.requestsPerSecond() : rateLimit,
          rateBurst == null ? config.burst() : rateBurst);
    }
    if (shutdownSeconds != null) {
      config = config.withShutdownTimeout(Duration.ofSeconds(shutdownSeconds));
    }
    if (workDir != null) {
      config = config.withWorkDir(workDir);
    }
    return config;
  }
}
