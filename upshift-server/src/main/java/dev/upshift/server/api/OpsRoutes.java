package dev.upshift.server.api;

import static java.util.Objects.requireNonNull;

import dev.upshift.server.ops.ServerMetrics;
import dev.upshift.store.KeyScope;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Operations: {@code GET /healthz} (200 without a key once the server is ready, 503 while it shuts
 * down), {@code GET /metrics} (Prometheus text, without a key: bind the server to a network only
 * the monitoring can reach, as by default) and {@code GET /v1/openapi.json} (the API reference).
 */
final class OpsRoutes {
  /** Where the OpenAPI document is, on the class path. */
  static final String OPENAPI_RESOURCE = "/dev/upshift/server/openapi.json";

  private final ServerMetrics metrics;
  private final BooleanSupplier draining;
  private final byte[] openApi;

  OpsRoutes(ServerMetrics metrics, BooleanSupplier draining) {
    this.metrics = requireNonNull(metrics, "metrics is null");
    this.draining = requireNonNull(draining, "draining is null");
    this.openApi = openApiDocument();
  }

  List<Route> routes() {
    return List.of(
        new Route(HandlerType.GET, "/healthz", null, this::health),
        new Route(HandlerType.GET, "/metrics", null, this::metrics),
        new Route(HandlerType.GET, "/v1/openapi.json", KeyScope.READ, this::openApi));
  }

  /** The health reply. */
  record Health(String status) {}

  private void health(Context ctx) {
    if (draining.getAsBoolean()) {
      Json.reply(ctx, 503, new Health("stopping"));
    } else {
      Json.reply(ctx, 200, new Health("ok"));
    }
  }

  private void metrics(Context ctx) {
    RecordRoutes.only(ctx, Set.of());
    ctx.status(200).contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
  }

  private void openApi(Context ctx) {
    RecordRoutes.only(ctx, Set.of());
    ctx.status(200).contentType(Json.CONTENT_TYPE).result(openApi);
  }

  /** The OpenAPI document, read once. */
  static byte[] openApiDocument() {
    try (InputStream in = OpsRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + OPENAPI_RESOURCE);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
