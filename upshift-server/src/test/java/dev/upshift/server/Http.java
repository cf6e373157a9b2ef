package dev.upshift.server;

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

/** A client of a server on 127.0.0.1: real HTTP through {@link HttpClient}. */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  Http(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** A response: status, headers, body. */
  record Reply(int status, HttpResponse<byte[]> response) {
    String text() {
      return new String(response.body(), StandardCharsets.UTF_8);
    }

    JsonNode json() {
      try {
        return JSON.readTree(response.body());
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON (" + status + "): " + text(), e);
      }
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    /** The error code of an error reply. */
    String errorCode() {
      return json().path("error").path("code").asText(null);
    }

    @Override
    public String toString() {
      return status + " " + text();
    }
  }

  Reply get(String path, String key) {
    return send(request(path, key).GET());
  }

  Reply get(String path, String key, String accept) {
    return send(request(path, key).header("Accept", accept).GET());
  }

  Reply delete(String path, String key) {
    return send(request(path, key).DELETE());
  }

  Reply postJson(String path, String key, String json) {
    return post(path, key, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  Reply postCsv(String path, String key, String csv) {
    return post(path, key, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
  }

  Reply post(String path, String key, String contentType, byte[] body) {
    HttpRequest.Builder request = request(path, key).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request);
  }

  /** A POST whose body is streamed (chunked, without Content-Length). */
  Reply postStreamed(String path, String key, String contentType, HttpRequest.BodyPublisher body) {
    return send(request(path, key).header("Content-Type", contentType).POST(body));
  }

  Reply send(String method, String path, String key, HttpRequest.BodyPublisher body) {
    return send(request(path, key).method(method, body));
  }

  /**
   * A GET of an endless stream (server-sent events) cut after its first event, or the whole body
   * of a reply that ends (an error).
   */
  Reply firstEvent(String path, String key) {
    return send(request(path, key).GET(), info -> HttpResponse.BodySubscribers.mapping(
        HttpResponse.BodySubscribers.ofInputStream(), Http::untilBlankLine));
  }

  private static byte[] untilBlankLine(java.io.InputStream in) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (in) {
      int previous = -1;
      for (int b = in.read(); b >= 0; b = in.read()) {
        out.write(b);
        if (b == '\n' && previous == '\n') {
          break;
        }
        previous = b;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private HttpRequest.Builder request(String path, String key) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(120));
    if (key != null) {
      builder.header("Authorization", "Bearer " + key);
    }
    return builder;
  }

  private Reply send(HttpRequest.Builder request) {
    return send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private Reply send(HttpRequest.Builder request, HttpResponse.BodyHandler<byte[]> body) {
    try {
      HttpResponse<byte[]> response = client.send(request.build(), body);
      return new Reply(response.statusCode(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
