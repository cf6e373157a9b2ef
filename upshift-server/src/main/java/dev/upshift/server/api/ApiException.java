package dev.upshift.server.api;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * A request that ends in an error response: its code (and so its status), a message for people
 * and details for programs. Thrown by handlers and answered by {@link ErrorResponses}.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final transient List<?> details;
  private final Long count;
  private final transient Map<String, String> headers;

  public ApiException(ErrorCode code, String message, List<?> details, Long count,
      Map<String, String> headers) {
    super(requireNonNull(message, "message is null"));
    this.code = requireNonNull(code, "code is null");
    this.details = List.copyOf(details);
    this.count = count;
    this.headers = Map.copyOf(headers);
  }

  public ApiException(ErrorCode code, String message) {
    this(code, message, List.of(), null, Map.of());
  }

  public static ApiException notFound(String message) {
    return new ApiException(ErrorCode.NOT_FOUND, message);
  }

  public static ApiException badRequest(String message) {
    return new ApiException(ErrorCode.INVALID_REQUEST, message);
  }

  public ErrorCode code() {
    return code;
  }

  /** Objects serialised into {@code details}. */
  public List<?> details() {
    return details;
  }

  /** The number of errors when the details list only the first, or {@code null}. */
  public Long count() {
    return count;
  }

  /** Headers to send with the error (e.g. {@code Retry-After}). */
  public Map<String, String> headers() {
    return headers;
  }
}
