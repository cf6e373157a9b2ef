package dev.upshift.server.api;

import static java.util.Objects.requireNonNull;

import dev.upshift.io.json.JsonReportWriter;
import dev.upshift.render.CsvReportWriter;
import dev.upshift.render.ExplanationWriter;
import dev.upshift.render.html.HtmlReportWriter;
import dev.upshift.render.xlsx.XlsxReportWriter;
import dev.upshift.segment.SegmentFilter;
import dev.upshift.server.report.ReportRequest;
import dev.upshift.server.report.Reports;
import dev.upshift.store.KeyScope;
import dev.upshift.store.Workspace;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The metrics of SPEC §8.4: {@code GET /v1/report} (JSON, or the CSV, HTML and XLSX exports),
 * {@code GET /v1/ledger} (the rows behind one figure) and {@code GET
 * /v1/customers/{customerId}/explain}, each computed by {@link Reports} and written by the same
 * writers as the command line.
 */
final class ReportRoutes {
  /** The data version a reply was computed at, on every reply of these routes. */
  static final String DATA_VERSION_HEADER = "Upshift-Data-Version";

  private final Reports reports;

  ReportRoutes(Reports reports) {
    this.reports = requireNonNull(reports, "reports is null");
  }

  List<Route> routes() {
    return List.of(
        new Route(HandlerType.GET, "/v1/report", KeyScope.READ, this::report),
        new Route(HandlerType.GET, "/v1/ledger", KeyScope.READ, this::ledger),
        new Route(HandlerType.GET, "/v1/customers/{customerId}/explain", KeyScope.READ,
            this::explain));
  }

  private void report(Context ctx) {
    ReportQuery query = new ReportQuery(ctx.queryParamMap(),
        List.of("analysis", "cohortGrain", "format"));
    String format = query.value("format").orElse("json").toLowerCase(Locale.ROOT);
    boolean dashboard = switch (format) {
      case "json", "csv" -> false;
      case "html", "xlsx" -> true;
      default -> throw ApiException.badRequest("format must be json, csv, html or xlsx, not '"
          + format + "'");
    };
    ReportRequest request = query.request();
    Workspace workspace = Access.key(ctx).workspace();
    Reports.Computed computed = reports.report(workspace, request, dashboard);
    ctx.header(DATA_VERSION_HEADER, Long.toString(computed.dataVersion()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (format) {
      case "json" -> {
        JsonReportWriter.write(computed.report(), Map.of("dataVersion", computed.dataVersion()), out);
        ctx.contentType(Json.CONTENT_TYPE);
      }
      case "csv" -> {
        text(out, writer -> CsvReportWriter.write(computed.report(), writer));
        ctx.contentType("text/csv; charset=utf-8");
      }
      case "html" -> {
        text(out, writer -> new HtmlReportWriter().write(computed.report(), writer));
        ctx.contentType("text/html; charset=utf-8");
      }
      default -> {
        try {
          new XlsxReportWriter().write(computed.report(), out);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        ctx.header("Content-Disposition", "attachment; filename=\"upshift-report.xlsx\"");
      }
    }
    ctx.status(200).result(out.toByteArray());
  }

  /** Something that writes text. */
  @FunctionalInterface
  private interface TextWriting {
    void write(Writer writer) throws IOException;
  }

  private static void text(ByteArrayOutputStream out, TextWriting writing) {
    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      writing.write(writer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A page of ledger rows. */
  record LedgerReply(List<Map<String, Object>> rows, String next, long dataVersion) {}

  private void ledger(Context ctx) {
    ReportQuery query = new ReportQuery(ctx.queryParamMap(),
        List.of("period", "component", "segment", "limit", "after"));
    String period = query.value("period").orElseThrow(() -> ApiException.badRequest(
        "period is required: the label of a period of the report, such as 2026-03"));
    String component = query.value("component").orElse(null);
    SegmentFilter segment = query.value("segment").map(ReportQuery::segment).orElse(null);
    Reports.Ledger ledger = reports.ledger(Access.key(ctx).workspace(), query.request(), period,
        component, segment);
    ctx.header(DATA_VERSION_HEADER, Long.toString(ledger.dataVersion()));
    String accept = ctx.header("Accept");
    if (accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv")) {
      ctx.status(200).contentType("text/csv; charset=utf-8").result(ledger.csv());
      return;
    }
    int limit = query.value("limit").map(v -> ReportQuery.whole("limit", v))
        .orElse(RecordRoutes.DEFAULT_LIMIT);
    if (limit < 1 || limit > RecordRoutes.MAX_LIMIT) {
      throw ApiException.badRequest("limit must be 1 to " + RecordRoutes.MAX_LIMIT + ", not " + limit);
    }
    int from = 0;
    String after = query.value("after").orElse(null);
    if (after != null) {
      from = ledger.customerIds().indexOf(after) + 1;
      if (from == 0) {
        throw ApiException.badRequest("after must be a customer_id of these rows, as given in next");
      }
    }
    int to = Math.min(ledger.rows().size(), from + limit);
    String next = to < ledger.rows().size() ? ledger.customerIds().get(to - 1) : null;
    Json.reply(ctx, 200, new LedgerReply(ledger.rows().subList(from, to), next,
        ledger.dataVersion()));
  }

  private void explain(Context ctx) throws IOException {
    ReportQuery query = new ReportQuery(ctx.queryParamMap(), List.of());
    Reports.Explained explained = reports.explain(Access.key(ctx).workspace(), query.request(),
        ctx.pathParam("customerId"));
    ctx.header(DATA_VERSION_HEADER, Long.toString(explained.data().dataVersion()));
    StringWriter out = new StringWriter();
    ExplanationWriter.writeJson(explained.explanation(), explained.data()::phaseId, out);
    ctx.status(200).contentType(Json.CONTENT_TYPE).result(out.toString());
  }
}
