package dev.upshift.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A client of a server on 127.0.0.1 (real HTTP, {@link HttpClient}) that times every exchange.
 * A failure to connect or a connection cut (a killed server) is an {@link UncheckedIOException}.
 * Thread-safe.
 */
final class Client {
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final Duration timeout;

  Client(int port) {
    this(port, Duration.ofSeconds(120));
  }

  Client(int port, Duration timeout) {
    this.base = "http://127.0.0.1:" + port;
    this.timeout = timeout;
  }

  /** A reply: status, body, and how long the exchange took. */
  record Reply(int status, HttpResponse<byte[]> response, long nanos) {
    byte[] bytes() {
      return response.body();
    }

    String text() {
      return new String(response.body(), StandardCharsets.UTF_8);
    }

    JsonNode json() {
      try {
        return JSON.readTree(response.body());
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON (" + status + "): " + shown(), e);
      }
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    /** The body for a message: its start only. */
    String shown() {
      String text = text();
      return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }

    @Override
    public String toString() {
      return status + " " + shown();
    }
  }

  Reply get(String path, String key) {
    return send(request(path, key).GET());
  }

  Reply get(String path, String key, String accept) {
    return send(request(path, key).header("Accept", accept).GET());
  }

  /**
   * An event stream's reply up to the end of its first event (a stream never ends by itself); a
   * refused request's whole body.
   */
  Reply firstEvent(String path, String key) {
    long start = System.nanoTime();
    try {
      HttpResponse<java.io.InputStream> response = http.send(request(path, key)
          .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
      java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
      try (java.io.InputStream in = response.body()) {
        boolean data = false;
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0; b = in.read()) {
          read.write(b);
          if (b != '\n') {
            line.append((char) b);
            continue;
          }
          if (line.length() == 0 && data) {
            break; // the blank line that ends the first event
          }
          data |= line.toString().startsWith("data:");
          line.setLength(0);
        }
      }
      return new Reply(response.statusCode(), new Read(response, read.toByteArray()),
          System.nanoTime() - start);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** A streamed response with the bytes read of it as its body. */
  private record Read(HttpResponse<?> response, byte[] body) implements HttpResponse<byte[]> {
    @Override
    public int statusCode() {
      return response.statusCode();
    }

    @Override
    public HttpRequest request() {
      return response.request();
    }

    @Override
    public java.util.Optional<HttpResponse<byte[]>> previousResponse() {
      return java.util.Optional.empty();
    }

    @Override
    public java.net.http.HttpHeaders headers() {
      return response.headers();
    }

    @Override
    public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
      return response.sslSession();
    }

    @Override
    public URI uri() {
      return response.uri();
    }

    @Override
    public java.net.http.HttpClient.Version version() {
      return response.version();
    }
  }

  Reply delete(String path, String key) {
    return send(request(path, key).DELETE());
  }

  Reply postJson(String path, String key, String json) {
    return post(path, key, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  Reply post(String path, String key, String contentType, byte[] body) {
    return post(path, key, contentType, HttpRequest.BodyPublishers.ofByteArray(body));
  }

  Reply post(String path, String key, String contentType, HttpRequest.BodyPublisher body) {
    HttpRequest.Builder request = request(path, key).POST(body);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request);
  }

  private HttpRequest.Builder request(String path, String key) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
    if (key != null) {
      builder.header("Authorization", "Bearer " + key);
    }
    return builder;
  }

  private Reply send(HttpRequest.Builder request) {
    long start = System.nanoTime();
    try {
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(response.statusCode(), response, System.nanoTime() - start);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
