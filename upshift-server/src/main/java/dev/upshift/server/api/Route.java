package dev.upshift.server.api;

import static java.util.Objects.requireNonNull;

import dev.upshift.store.KeyScope;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One endpoint: method, path (Javalin's syntax: {@code {name}} for a segment, {@code <name>} for
 * the rest of the path), the scope a key needs ({@code null} for none) and the handler. The server
 * registers exactly these, and the OpenAPI document is checked against them. Immutable.
 */
public record Route(HandlerType method, String path, KeyScope scope, Handler handler) {

  public Route {
    requireNonNull(method, "method is null");
    requireNonNull(path, "path is null");
    requireNonNull(handler, "handler is null");
  }

  /** The path as OpenAPI writes it: {@code <id>} becomes {@code {id}}. */
  public String openApiPath() {
    return path.replace('<', '{').replace('>', '}');
  }
}
