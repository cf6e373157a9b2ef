package dev.upshift.server.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The web dashboard: {@code GET /} (its page) and {@code GET /assets/<path>} (its scripts, styles
 * and Chart.js), read from the class path and served without a key — they hold no data; the page
 * asks the key of its user and reads everything through the {@code /v1} API like any client.
 *
 * <p>Chart.js is the copy the HTML report already ships ({@code upshift-render}, with its licence),
 * so the server adds no second copy. Every reply carries a content security policy that allows
 * scripts, styles and connections to this origin only, so nothing a data value holds can run.
 */
final class DashboardRoutes {
  /** Where the dashboard's files are, on the class path. */
  static final String RESOURCES = "/dashboard/";
  /** The one asset served from elsewhere: the HTML report's Chart.js and its licence. */
  private static final Map<String, String> VENDORED = Map.of(
      "vendor/chart.umd.min.js", "/dev/upshift/render/html/chart.umd.min.js",
      "vendor/chart.js-LICENSE.md", "/dev/upshift/render/html/chart.js-LICENSE.md");
  /** Asset names: plain relative paths, no {@code ..}, no hidden files. */
  private static final Pattern ASSET = Pattern.compile("(?:[a-z0-9][a-z0-9_.-]*/)*[a-z0-9][a-z0-9_.-]*");
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "svg", "image/svg+xml",
      "md", "text/markdown; charset=utf-8");
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self';"
      + " style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none';"
      + " form-action 'self'; frame-ancestors 'none'";

  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  List<Route> routes() {
    return List.of(
        new Route(HandlerType.GET, "/", null, ctx -> serve(ctx, "index.html")),
        new Route(HandlerType.GET, "/assets/<path>", null, ctx -> serve(ctx, ctx.pathParam("path"))));
  }

  private void serve(Context ctx, String name) {
    RecordRoutes.only(ctx, java.util.Set.of());
    if (!ASSET.matcher(name).matches() || name.contains("..")) {
      throw ApiException.notFound("no dashboard file '" + name + "'");
    }
    String resource = VENDORED.getOrDefault(name, RESOURCES + name);
    byte[] bytes = cache.computeIfAbsent(resource, DashboardRoutes::read);
    if (bytes.length == 0) {
      throw ApiException.notFound("no dashboard file '" + name + "'");
    }
    String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    // Revalidated on every load, so a new server version's files are picked up at once.
    ctx.header("Cache-Control", "no-cache");
    ctx.status(200).contentType(TYPES.getOrDefault(extension, "application/octet-stream"))
        .result(bytes);
  }

  /** A class path resource's bytes; empty when there is none (answered as 404). */
  private static byte[] read(String resource) {
    try (InputStream in = DashboardRoutes.class.getResourceAsStream(resource)) {
      return in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
