package dev.upshift.server;

import static java.util.Objects.requireNonNull;

import dev.upshift.server.api.Api;
import dev.upshift.server.api.JettyErrors;
import dev.upshift.server.api.Route;
import dev.upshift.server.events.WorkspaceEvents;
import dev.upshift.server.ingest.Ingestor;
import dev.upshift.server.ops.RequestLog;
import dev.upshift.server.ops.ServerMetrics;
import dev.upshift.server.ops.TimedStore;
import dev.upshift.server.report.Reports;
import dev.upshift.server.report.WorkspaceLoader;
import dev.upshift.store.Store;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * The Upshift service (SPEC §8): the HTTP API over a store, on Javalin and Jetty. {@link #start}
 * returns once it listens; {@link #close()} stops it gracefully: new requests get 503 while those
 * in flight (an ingestion being committed) finish, up to the configured timeout, then Jetty stops.
 * The store stays open: its owner closes it. Thread-safe.
 */
public final class UpshiftServer implements AutoCloseable {
  /** How often the store's data version of workspaces with open event streams is read. */
  static final Duration EVENTS_POLL = Duration.ofSeconds(3);

  private final ServerConfig config;
  private final Api api;
  private final Javalin app;
  private final WorkspaceEvents events;
  private final ServerMetrics metrics;
  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicBoolean stopped = new AtomicBoolean();

  private UpshiftServer(ServerConfig config, Store store) {
    this.config = requireNonNull(config, "config is null");
    this.metrics = new ServerMetrics();
    Store timed = new TimedStore(requireNonNull(store, "store is null"), metrics);
    Ingestor ingestor = new Ingestor(timed);
    Reports reports = new Reports(timed, new WorkspaceLoader(timed, config.workDir()), ingestor,
        config.dataCacheEntries(), config.resultCacheEntries());
    metrics.gauge("upshift.report.cache.hits", "Reports, ledgers and datasets found computed",
        reports, Reports::cacheHits);
    metrics.gauge("upshift.report.cache.misses", "Reports, ledgers and datasets computed",
        reports, Reports::cacheMisses);
    metrics.gauge("upshift.report.live.updates", "Live workspaces moved to a new data version by"
        + " the customers it changed", reports, Reports::liveUpdates);
    metrics.gauge("upshift.report.live.loads", "Live workspaces loaded in full", reports,
        Reports::liveLoads);
    // The store's version is read every few seconds for listened-to workspaces only: it catches
    // an `upshift import` beside the server; changes made here are announced at once.
    this.events = new WorkspaceEvents(timed, EVENTS_POLL);
    ingestor.addListener(change -> events.changed(change.workspace(), change.toVersion()));
    this.api = new Api(timed, ingestor, reports, events, metrics,
        new RequestLog(config.requestLog(), Clock.systemUTC()), config.maxBodyBytes(),
        config.requestsPerSecond(), config.burst(), draining::get);
    this.app = Javalin.create(javalin -> {
      javalin.startup.showJavalinBanner = false;
      javalin.startup.showOldJavalinVersionWarning = false;
      // Ids may hold any character; a record id with a '/' (the natural key product/plan) is
      // sent encoded as %2F, which Jetty refuses by default as an ambiguous path separator.
      javalin.jetty.modifyHttpConfiguration(http -> http.setUriCompliance(
          UriCompliance.DEFAULT.with("ids", UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
              UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING)));
      javalin.jetty.modifyServletContextHandler(handler -> {
        handler.getServletHandler().setDecodeAmbiguousURIs(true);
        // Counts requests until their response is complete, so that Jetty's stop waits for them.
        handler.insertHandler(new GracefulHandler());
      });
      javalin.jetty.modifyServer(server -> {
        server.setStopTimeout(config.shutdownTimeout().toMillis());
        server.setErrorHandler(new JettyErrors()); // JSON, for requests no route could see
      });
      api.configure(javalin);
    });
  }

  /**
   * Starts a server on {@code store}, listening on the configured host and port.
   *
   * @throws io.javalin.util.JavalinException when it cannot listen (the port is taken)
   */
  public static UpshiftServer start(ServerConfig config, Store store) {
    UpshiftServer server = new UpshiftServer(config, store);
    server.app.start(config.host(), config.port());
    return server;
  }

  /** The port it listens on (the one chosen when configured with 0). */
  public int port() {
    return app.port();
  }

  /** Requests being handled now (what a graceful stop waits for). */
  public int requestsInFlight() {
    return api.inFlight();
  }

  /** Every route, as registered. */
  public List<Route> routes() {
    return api.routes();
  }

  /** The method and path of every handler Javalin has registered: what the server really serves. */
  public List<String> registeredEndpoints() {
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .map(parsed -> parsed.endpoint.method + " " + parsed.endpoint.path)
        .toList();
  }

  /**
   * Stops gracefully: refuses new requests (503, {@code /healthz} too), waits up to the shutdown
   * timeout for those in flight to be handled, then stops Jetty, which waits (within the same
   * timeout) for their responses to be sent. Calling it again does nothing.
   */
  @Override
  public void close() {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    draining.set(true);
    // Event streams never end by themselves: end them, or the stop would wait its whole timeout.
    events.close();
    long deadline = System.nanoTime() + config.shutdownTimeout().toNanos();
    while (api.inFlight() > 0 && System.nanoTime() < deadline) {
      try {
        TimeUnit.MILLISECONDS.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    app.stop();
    metrics.close();
  }
}
