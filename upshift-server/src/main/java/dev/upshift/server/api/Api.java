package dev.upshift.server.api;

import dev.upshift.server.events.WorkspaceEvents;
import dev.upshift.server.ingest.Ingestor;
import dev.upshift.server.ops.RequestLog;
import dev.upshift.server.ops.ServerMetrics;
import dev.upshift.server.report.Reports;
import dev.upshift.store.ApiKey;
import dev.upshift.store.Store;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The HTTP API: every route, and what every request goes through before its handler (admission:
 * key, scope, rate; the count of requests in flight that a graceful stop waits for) and after it
 * (the error body, the request log line, the metrics). The composition of the web layer; the
 * server ({@code UpshiftServer}) owns its lifecycle.
 */
public final class Api {
  /** The attribute holding the route a request matched, for logs and metrics. */
  private static final String ROUTE_ATTRIBUTE = "upshift.route";

  private final List<Route> routes;
  private final Access access;
  private final ServerMetrics metrics;
  private final RequestLog log;
  private final BooleanSupplier draining;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final long maxBodyBytes;

  /**
   * @param maxBodyBytes the largest request body
   * @param requestsPerSecond the sustained rate of one key
   * @param burst the requests one key may make at once
   * @param events the data versions {@code GET /v1/events} announces
   * @param draining whether the server is stopping: new requests get 503
   */
  public Api(Store store, Ingestor ingestor, Reports reports, WorkspaceEvents events,
      ServerMetrics metrics, RequestLog log, long maxBodyBytes, double requestsPerSecond,
      int burst, BooleanSupplier draining) {
    this.access = new Access(store, new RateLimiter(requestsPerSecond, burst, System::nanoTime));
    this.metrics = metrics;
    this.log = log;
    this.draining = draining;
    this.maxBodyBytes = maxBodyBytes;
    List<Route> all = new ArrayList<>();
    all.addAll(new OpsRoutes(metrics, draining).routes());
    all.addAll(new DashboardRoutes().routes());
    all.addAll(new EventRoutes(events, EventRoutes.KEEP_ALIVE).routes());
    // Fixed paths before the /v1/{kind} patterns that would also match them.
    all.addAll(new KeyRoutes(store).routes());
    all.addAll(new ReportRoutes(reports).routes());
    all.addAll(new RecordRoutes(store, ingestor, metrics, maxBodyBytes).routes());
    this.routes = List.copyOf(all);
  }

  /** Every route, in the order registered. */
  public List<Route> routes() {
    return routes;
  }

  /** Requests being handled now. */
  public int inFlight() {
    return inFlight.get();
  }

  /** Registers the routes, the error body and the request log on a Javalin configuration. */
  public void configure(JavalinConfig config) {
    for (Route route : routes) {
      config.routes.addHttpHandler(route.method(), route.path(), admitted(route));
    }
    config.routes.exception(Exception.class, (e, ctx) -> ErrorResponses.reply(e, ctx));
    config.routes.error(404, ctx -> {
      if (ctx.attribute(ErrorResponses.ERROR_ATTRIBUTE) == null) {
        ErrorResponses.reply(ApiException.notFound("no endpoint " + ctx.method() + " "
            + ctx.path() + "; see GET /v1/openapi.json"), ctx);
      }
    });
    config.requestLogger.http(this::logged);
  }

  /** The route's handler behind admission and the in-flight count. */
  private Handler admitted(Route route) {
    Handler handler = route.handler();
    return ctx -> {
      ctx.attribute(ROUTE_ATTRIBUTE, route.path());
      inFlight.incrementAndGet();
      try {
        if (draining.getAsBoolean() && route.scope() != null) {
          throw new ApiException(ErrorCode.UNAVAILABLE, "the server is shutting down; retry",
              List.of(), null, java.util.Map.of("Retry-After", "5"));
        }
        if (route.scope() != null) {
          access.admit(ctx, route.scope());
        }
        handler.handle(ctx);
      } catch (Error e) {
        // Javalin answers an Error with an empty 500 and no trace: through the error body instead,
        // which prints it.
        throw new IllegalStateException(e.toString(), e);
      } catch (Exception e) {
        if (route.method() == HandlerType.POST
            && !(e instanceof ApiException api && api.code() == ErrorCode.PAYLOAD_TOO_LARGE)) {
          Bodies.discardRest(ctx, maxBodyBytes);
        }
        throw e;
      } finally {
        inFlight.decrementAndGet();
      }
    };
  }

  private void logged(Context ctx, Float millis) {
    String route = ctx.attribute(ROUTE_ATTRIBUTE);
    ApiKey key = ctx.attribute(Access.KEY_ATTRIBUTE);
    int status = ctx.statusCode();
    metrics.request(ctx.method().toString(), route == null ? "unmatched" : route, status,
        Duration.ofNanos((long) (millis * 1_000_000)));
    log.log(ctx.method().toString(), ctx.path(), status, millis, key == null ? null
        : key.workspace().name(), key == null ? null : key.id(),
        ctx.attribute(ErrorResponses.ERROR_ATTRIBUTE));
  }
}
