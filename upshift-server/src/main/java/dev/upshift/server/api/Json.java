package dev.upshift.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.http.Context;

/**
 * The one JSON writer of the API's own replies (reports are written by the engine's writer).
 * Records serialise under their component names, which are the SPEC's names.
 */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper()
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  static final String CONTENT_TYPE = "application/json; charset=utf-8";

  private Json() {}

  /** Answers with {@code value} as JSON. */
  static void reply(Context ctx, int status, Object value) {
    try {
      ctx.status(status).contentType(CONTENT_TYPE).result(MAPPER.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a reply as JSON", e);
    }
  }
}
