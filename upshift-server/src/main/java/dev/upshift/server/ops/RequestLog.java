package dev.upshift.server.ops;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The structured request log: one JSON object per line and request, with the time, method, path
 * (never the query, which is free text), status, duration, workspace and key id, and the error
 * code and message of a failed request. Never a header: the {@code Authorization} secret must not
 * reach a log. Thread-safe when the sink is.
 */
public final class RequestLog {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Consumer<String> sink;
  private final Clock clock;

  /** @param sink receives each line, without its line break */
  public RequestLog(Consumer<String> sink, Clock clock) {
    this.sink = requireNonNull(sink, "sink is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /**
   * Logs one request.
   *
   * @param workspace the workspace of its key, or {@code null}
   * @param keyId the id (not the secret) of its key, or {@code null}
   * @param error the error code and message, or {@code null}
   */
  public void log(String method, String path, int status, double millis, String workspace,
      String keyId, String error) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("time", clock.instant().toString());
    line.put("method", method);
    line.put("path", path);
    line.put("status", status);
    line.put("durationMs", Math.round(millis * 10) / 10.0);
    if (workspace != null) {
      line.put("workspace", workspace);
    }
    if (keyId != null) {
      line.put("keyId", keyId);
    }
    if (error != null) {
      line.put("error", error);
    }
    try {
      sink.accept(JSON.writeValueAsString(line));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
