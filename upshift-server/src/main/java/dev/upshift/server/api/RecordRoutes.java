package dev.upshift.server.api;

import static java.util.Objects.requireNonNull;

import dev.upshift.server.ingest.Batch;
import dev.upshift.server.ingest.BatchParser;
import dev.upshift.server.ingest.Ingestor;
import dev.upshift.server.ops.ServerMetrics;
import dev.upshift.store.DataRecord;
import dev.upshift.store.IngestMode;
import dev.upshift.store.IngestResult;
import dev.upshift.store.KeyScope;
import dev.upshift.store.RecordKind;
import dev.upshift.store.RecordPage;
import dev.upshift.store.Store;
import dev.upshift.store.Workspace;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Ingestion, listing and retraction of records (SPEC §8.3): {@code POST /v1/{kind}}, {@code GET
 * /v1/{kind}}, {@code GET /v1/{kind}/{id}}, {@code DELETE /v1/{kind}/{id}}. Thin: each parses the
 * request into values and calls the {@link Ingestor} or the store.
 */
final class RecordRoutes {
  /** Records per listing page when {@code limit} is not given, and the most a page may hold. */
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 10_000;

  private final Store store;
  private final Ingestor ingestor;
  private final ServerMetrics metrics;
  private final long maxBodyBytes;

  RecordRoutes(Store store, Ingestor ingestor, ServerMetrics metrics, long maxBodyBytes) {
    this.store = requireNonNull(store, "store is null");
    this.ingestor = requireNonNull(ingestor, "ingestor is null");
    this.metrics = requireNonNull(metrics, "metrics is null");
    this.maxBodyBytes = maxBodyBytes;
  }

  List<Route> routes() {
    return List.of(
        new Route(HandlerType.POST, "/v1/{kind}", KeyScope.WRITE, this::ingest),
        new Route(HandlerType.GET, "/v1/{kind}", KeyScope.READ, this::list),
        new Route(HandlerType.GET, "/v1/{kind}/<id>", KeyScope.READ, this::get),
        new Route(HandlerType.DELETE, "/v1/{kind}/<id>", KeyScope.WRITE, this::retract));
  }

  /** The 200 reply of a batch. */
  record IngestReply(int created, int unchanged, int corrected, long dataVersion) {}

  /** A listing page. */
  record RecordsReply(List<Map<String, String>> records, String next) {}

  private void ingest(Context ctx) throws IOException {
    only(ctx, Set.of("mode"));
    RecordKind kind = kind(ctx);
    IngestMode mode = switch (ctx.queryParamMap().containsKey("mode") ? ctx.queryParam("mode") : "strict") {
      case "strict" -> IngestMode.STRICT;
      case "correct" -> IngestMode.CORRECT;
      default -> throw ApiException.badRequest("mode must be correct (to replace changed records)"
          + " or strict (the default), not '" + ctx.queryParam("mode") + "'");
    };
    Bodies.MediaType type = Bodies.mediaType(ctx);
    Batch batch;
    try (InputStream body = Bodies.limited(ctx, maxBodyBytes)) {
      batch = type == Bodies.MediaType.JSON ? BatchParser.json(body, kind) : BatchParser.csv(body, kind);
    }
    Workspace workspace = Access.key(ctx).workspace();
    IngestResult result = ingestor.ingest(workspace, kind, batch, mode);
    metrics.ingested(kind, result);
    Json.reply(ctx, 200, new IngestReply(result.created(), result.unchanged(), result.corrected(),
        result.dataVersion()));
  }

  private void list(Context ctx) {
    only(ctx, Set.of("limit", "after"));
    RecordKind kind = kind(ctx);
    int limit = ctx.queryParam("limit") == null ? DEFAULT_LIMIT
        : ReportQuery.whole("limit", ctx.queryParam("limit"));
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiException.badRequest("limit must be 1 to " + MAX_LIMIT + ", not " + limit);
    }
    String after = ctx.queryParam("after");
    if (after != null && !DataRecord.isValidId(after)) {
      throw ApiException.badRequest("after must be a record id (1-256 characters), as given in"
          + " next");
    }
    RecordPage page = store.list(Access.key(ctx).workspace(), kind, limit, after);
    Json.reply(ctx, 200, new RecordsReply(page.records().stream().map(RecordRoutes::wire).toList(),
        page.next()));
  }

  private void get(Context ctx) {
    only(ctx, Set.of());
    RecordKind kind = kind(ctx);
    String id = ctx.pathParam("id");
    DataRecord record = store.get(Access.key(ctx).workspace(), kind, id)
        .orElseThrow(() -> notFound(kind, id));
    Json.reply(ctx, 200, wire(record));
  }

  private void retract(Context ctx) {
    only(ctx, Set.of());
    RecordKind kind = kind(ctx);
    String id = ctx.pathParam("id");
    OptionalLong version = ingestor.retract(Access.key(ctx).workspace(), kind, id);
    if (version.isEmpty()) {
      throw notFound(kind, id);
    }
    metrics.retracted(kind);
    ctx.header("Upshift-Data-Version", Long.toString(version.getAsLong()));
    ctx.status(204);
  }

  private static ApiException notFound(RecordKind kind, String id) {
    return ApiException.notFound("no " + kind.wireName() + " record with id \"" + id + "\"");
  }

  /** A record as the API shows it: its id, then its fields. */
  private static Map<String, String> wire(DataRecord record) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("id", record.id());
    fields.putAll(record.fields());
    return fields;
  }

  static RecordKind kind(Context ctx) {
    String name = ctx.pathParam("kind");
    return RecordKind.fromWireName(name).orElseThrow(() -> ApiException.notFound(
        "no record kind '" + name + "'; the kinds are " + String.join(", ",
            Arrays.stream(RecordKind.values()).map(RecordKind::wireName).toList())));
  }

  /** Refuses query parameters the endpoint does not take (a typo must not pass silently). */
  static void only(Context ctx, Set<String> allowed) {
    for (String name : ctx.queryParamMap().keySet()) {
      if (!allowed.contains(name)) {
        throw ApiException.badRequest("unknown parameter '" + name + "'"
            + (allowed.isEmpty() ? "; this endpoint takes none"
                : "; this endpoint takes " + String.join(", ", allowed)));
      }
    }
  }
}
