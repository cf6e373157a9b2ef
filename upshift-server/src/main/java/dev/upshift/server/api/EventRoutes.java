package dev.upshift.server.api;

import static java.util.Objects.requireNonNull;

import dev.upshift.server.events.WorkspaceEvents;
import dev.upshift.store.KeyScope;
import dev.upshift.store.Workspace;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /v1/events}: server-sent events announcing each new data version of the key's
 * workspace, so that a dashboard or a script refreshes without polling. On connect one {@code
 * dataVersion} event with the current version, then one per new version once its change is
 * committed, and a {@code : keep-alive} comment when nothing happened for a while (so proxies and
 * the connection's idle timeout keep the stream open). The stream ends when the client goes away
 * or the server stops.
 *
 * <p>A plain handler writing to the response rather than Javalin's SSE client: admission (key,
 * scope, rate) is the same as every other route's, and the loop ends when {@link WorkspaceEvents}
 * is closed, which is what lets a graceful stop finish at once.
 */
final class EventRoutes {
  /** How long a stream stays silent before a keep-alive comment. */
  static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

  private static final byte[] KEEP_ALIVE_LINE = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

  private final WorkspaceEvents events;
  private final Duration keepAlive;

  EventRoutes(WorkspaceEvents events, Duration keepAlive) {
    this.events = requireNonNull(events, "events is null");
    this.keepAlive = requireNonNull(keepAlive, "keepAlive is null");
  }

  List<Route> routes() {
    return List.of(new Route(HandlerType.GET, "/v1/events", KeyScope.READ, this::stream));
  }

  private void stream(Context ctx) throws InterruptedException {
    RecordRoutes.only(ctx, Set.of());
    Workspace workspace = Access.key(ctx).workspace();
    HttpServletResponse response = ctx.res();
    try (WorkspaceEvents.Listener listener = events.listen(workspace)) {
      response.setStatus(200);
      response.setContentType("text/event-stream; charset=utf-8");
      response.setHeader("Cache-Control", "no-store");
      // Tells a buffering reverse proxy (nginx) to pass each event on at once.
      response.setHeader("X-Accel-Buffering", "no");
      OutputStream out = response.getOutputStream();
      long sent = listener.current();
      send(out, event(sent));
      while (!listener.ended()) {
        long version = listener.await(sent, keepAlive);
        if (listener.ended()) {
          break;
        }
        if (version > sent) {
          sent = version;
          send(out, event(version));
        } else {
          send(out, KEEP_ALIVE_LINE);
        }
      }
    } catch (IOException e) {
      // The client went away: the stream is over, and there is nobody to answer.
    }
  }

  /** One {@code dataVersion} event: its id is the version, so a reconnecting client can say it. */
  static byte[] event(long version) {
    return ("event: dataVersion\nid: " + version + "\ndata: {\"dataVersion\": " + version
        + "}\n\n").getBytes(StandardCharsets.UTF_8);
  }

  private static void send(OutputStream out, byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }
}
