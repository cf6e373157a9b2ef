package dev.upshift.server.api;

import io.javalin.http.Context;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Request bodies, held to a size limit (SPEC §8.3: "too large a request → 413"): a declared
 * {@code Content-Length} over the limit is refused before anything is read, and a body without
 * one (chunked) is cut off when it passes the limit.
 */
final class Bodies {
  private Bodies() {}

  /** The media types a batch may be sent as. */
  enum MediaType { JSON, CSV }

  /** The body's media type: JSON or CSV; any other is a 415. */
  static MediaType mediaType(Context ctx) {
    String type = ctx.contentType();
    String base = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return switch (base) {
      case "application/json" -> MediaType.JSON;
      case "text/csv" -> MediaType.CSV;
      default -> throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "send the batch as"
          + " Content-Type: application/json ({\"records\": [...]}) or text/csv (the §1 columns"
          + " and id), not " + (type == null ? "without a content type" : "'" + type + "'"));
    };
  }

  /** The body as a stream that fails with a 413 past {@code limit} bytes. */
  static InputStream limited(Context ctx, long limit) {
    long declared = ctx.contentLength();
    if (declared > limit) {
      throw tooLarge(limit);
    }
    return new FilterInputStream(ctx.bodyInputStream()) {
      private long read;

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          count(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
          count(n);
        }
        return n;
      }

      private void count(int n) {
        read += n;
        if (read > limit) {
          throw tooLarge(limit);
        }
      }
    };
  }

  /**
   * Reads and drops what is left of a refused request's body, up to {@code limit} bytes, so that
   * the client — still sending — gets the error reply rather than a connection closed under it
   * (Jetty closes a connection whose request body was left unread). A body over the limit is not
   * read: its 413 closes the connection.
   */
  static void discardRest(Context ctx, long limit) {
    byte[] buffer = new byte[64 * 1024];
    try {
      InputStream rest = ctx.req().getInputStream();
      for (long read = 0; read <= limit; ) {
        int n = rest.read(buffer);
        if (n < 0) {
          return;
        }
        read += n;
      }
    } catch (IOException | RuntimeException e) {
      // The connection is gone or the body unreadable: the reply is sent as it can be.
    }
  }

  static ApiException tooLarge(long limit) {
    return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "the request body is larger than "
        + limit + " bytes; send smaller batches");
  }
}
