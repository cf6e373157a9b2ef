package dev.upshift.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The error body of SPEC §8.4 for the errors Jetty answers itself, before any route runs — a
 * request it cannot parse (a NUL or a bad escape in the path, headers too large): JSON like every
 * other error, where Jetty would send an HTML page.
 */
public final class JettyErrors extends ErrorHandler {
  private static final HttpField JSON_TYPE = new HttpField(HttpHeader.CONTENT_TYPE, Json.CONTENT_TYPE);

  @Override
  protected void generateResponse(Request request, Response response, int status, String message,
      Throwable cause, Callback callback) {
    response.getHeaders().put(JSON_TYPE);
    response.write(true, ByteBuffer.wrap(body(status, message)), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(JSON_TYPE);
    return ByteBuffer.wrap(body(status, reason));
  }

  /** The body: the code of the status (or the general one of its class) and Jetty's reason. */
  static byte[] body(int status, String reason) {
    String code = Arrays.stream(ErrorCode.values()).filter(c -> c.status() == status)
        .map(ErrorCode::code).findFirst()
        .orElse(status < 500 ? ErrorCode.INVALID_REQUEST.code() : ErrorCode.INTERNAL.code());
    String message = "the request cannot be read: "
        + (reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason);
    try {
      return Json.MAPPER.writeValueAsBytes(new ErrorResponses.ErrorBody(
          new ErrorResponses.Error(code, message, List.of(), null)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
