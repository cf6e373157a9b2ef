package dev.upshift.server.api;

/**
 * The error codes of the API (SPEC §8.4: {@code {"error": {"code", "message", "details"}}}), each
 * with its HTTP status: decided here, once. Codes are stable; a new kind of error gets a new code.
 * The details of {@link #INVALID_RECORDS} and {@link #INVALID_DATA} carry the input error codes of
 * {@code docs/errors.md}.
 */
public enum ErrorCode {
  /** A query parameter, path or body that cannot be understood (bad option value, bad JSON). */
  INVALID_REQUEST("invalid_request", 400),
  /** No key, or an unknown or revoked one. */
  UNAUTHORIZED("unauthorized", 401),
  /** A key without the scope the request needs; the message names the scope. */
  FORBIDDEN("forbidden", 403),
  /** No such record, customer, key, kind or endpoint in this workspace. */
  NOT_FOUND("not_found", 404),
  /** A batch would change stored records without {@code mode=correct}; details name the ids. */
  CONFLICT("conflict", 409),
  /** A request body larger than the configured limit. */
  PAYLOAD_TOO_LARGE("payload_too_large", 413),
  /** A body that is neither JSON nor CSV. */
  UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", 415),
  /** A batch with invalid records; nothing was stored; details list them. */
  INVALID_RECORDS("invalid_records", 422),
  /** Stored records that do not make a valid input for the report asked for (an option or a retraction). */
  INVALID_DATA("invalid_data", 422),
  /** Too many requests for this key; {@code Retry-After} says when to try again. */
  RATE_LIMITED("rate_limited", 429),
  /** An unexpected failure; the message says what. */
  INTERNAL("internal_error", 500),
  /** The database cannot be reached or stayed busy, or the server is shutting down; try again. */
  UNAVAILABLE("unavailable", 503);

  private final String code;
  private final int status;

  ErrorCode(String code, int status) {
    this.code = code;
    this.status = status;
  }

  /** The stable lower_snake name in the error body. */
  public String code() {
    return code;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }
}
