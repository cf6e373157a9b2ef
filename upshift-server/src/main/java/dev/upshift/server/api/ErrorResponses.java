package dev.upshift.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.upshift.input.InputError;
import dev.upshift.input.InputErrorCode;
import dev.upshift.input.InputException;
import dev.upshift.server.ingest.BatchParser;
import dev.upshift.server.ingest.Ingestor;
import dev.upshift.server.ingest.RecordError;
import dev.upshift.server.report.InvalidData;
import dev.upshift.store.StoreException;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The one place that turns a failure into an HTTP status and the error body of SPEC §8.4, {@code
 * {"error": {"code", "message", "details"[, "count"]}}}, as the command line's {@code ExitCode}
 * turns it into an exit code. Handlers throw; nothing else writes an error.
 */
public final class ErrorResponses {
  /** The attribute a reply that is an error carries, for the request log. */
  static final String ERROR_ATTRIBUTE = "upshift.error";

  private ErrorResponses() {}

  /** The body. */
  record ErrorBody(Error error) {}

  /** Its one field. */
  record Error(String code, String message, List<?> details,
      @JsonInclude(JsonInclude.Include.NON_NULL) Long count) {}

  /** A detail of {@code invalid_records}: which record, which field, what. */
  record RecordDetail(Integer index, @JsonInclude(JsonInclude.Include.NON_NULL) Long line,
      String id, String field, String code, String message) {

    static RecordDetail of(RecordError error) {
      return new RecordDetail(error.index(), error.line(), error.id(), error.field(),
          error.code().code(), error.message());
    }
  }

  /** A detail of {@code invalid_data}: which stored record, which field, what. */
  record DataDetail(String kind, String id, String field, String code, String message) {}

  /** A detail of {@code conflict}: an id whose stored record differs. */
  record ConflictDetail(String id) {}

  /**
   * The status of records with an input error of this code. Every code is named, with no default,
   * so that a new code does not compile until it is given a status here: all are the client's to
   * fix, so all are {@code 422}.
   */
  static ErrorCode of(InputErrorCode code) {
    return switch (code) {
      case NO_SUCH_FILE, UNREADABLE_FILE, EMPTY_FILE, TOO_MANY_LINES, NOT_UTF8, UNTERMINATED_QUOTE,
          TEXT_AFTER_QUOTE, LONE_CARRIAGE_RETURN, WRONG_SEPARATOR -> ErrorCode.INVALID_RECORDS;
      case MISSING_COLUMN, UNKNOWN_COLUMN, UNNAMED_COLUMN, DUPLICATE_COLUMN ->
          ErrorCode.INVALID_RECORDS;
      case RAGGED_ROW, MISSING_VALUE, BAD_NUMBER, NOT_WHOLE_NUMBER, NEGATIVE_VALUE, TOO_MANY_DECIMALS,
          VALUE_TOO_LARGE, VALUE_TOO_LONG, BAD_DATE, END_NOT_AFTER_START, PRICE_FORM_COUNT,
          UNKNOWN_BILLING_PERIOD, UNKNOWN_STATUS, UNKNOWN_KIND, BAD_CURRENCY_CODE, UNKNOWN_CURRENCY,
          BAD_RATE, BAD_SCORE, BAD_PERIOD, BAD_SEGMENT -> ErrorCode.INVALID_RECORDS;
      case OVERLAP, DUPLICATE_KEY -> ErrorCode.INVALID_RECORDS;
      case MISSING_ID, BAD_ID, DUPLICATE_ID, BAD_VALUE -> ErrorCode.INVALID_RECORDS;
      // Not wrong in itself: it would replace what is stored (mode=correct does that).
      case CHANGED_RECORD -> ErrorCode.CONFLICT;
    };
  }

  /** The failure as an {@link ApiException}: its code, message and details. */
  static ApiException toApi(Exception e) {
    if (e instanceof ApiException api) {
      return api;
    }
    if (e instanceof Ingestor.InvalidRecords invalid) {
      ErrorCode code = invalid.errors().isEmpty() ? ErrorCode.INVALID_RECORDS
          : of(invalid.errors().get(0).code());
      return new ApiException(code, invalid.getMessage(),
          invalid.errors().stream().map(RecordDetail::of).toList(), invalid.count(), Map.of());
    }
    if (e instanceof InputException input) {
      // A text/csv body that is not readable CSV: errors name its lines, not records.
      List<RecordDetail> details = input.errors().stream()
          .map(error -> new RecordDetail(null, error.line(), null, error.column(),
              error.code().code(), error.reason()))
          .toList();
      ErrorCode code = input.errors().isEmpty() ? ErrorCode.INVALID_RECORDS
          : of(input.errors().get(0).code());
      return new ApiException(code, "the CSV body cannot be read: " + firstReason(input)
          + "; nothing was stored", details, input.totalErrors(), Map.of());
    }
    if (e instanceof Ingestor.Conflict conflict) {
      return new ApiException(ErrorCode.CONFLICT, conflict.getMessage(),
          conflict.ids().stream().map(ConflictDetail::new).toList(), null, Map.of());
    }
    if (e instanceof InvalidData invalid) {
      return new ApiException(ErrorCode.INVALID_DATA, invalid.getMessage(),
          invalid.problems().stream().map(p -> new DataDetail(p.kind(), p.id(), p.field(),
              p.code().code(), p.message())).toList(), invalid.count(), Map.of());
    }
    if (e instanceof BatchParser.MalformedBody malformed) {
      return ApiException.badRequest(malformed.getMessage());
    }
    if (e instanceof StoreException store) {
      return switch (store.code()) {
        case DATA_VERSION_CHANGED -> new ApiException(ErrorCode.UNAVAILABLE,
            "the workspace kept changing while this batch was checked; retry", List.of(), null,
            Map.of("Retry-After", "1"));
        case DATABASE -> new ApiException(ErrorCode.UNAVAILABLE,
            "the database is unavailable: " + store.getMessage(), List.of(), null,
            Map.of("Retry-After", "5"));
        case WORKSPACE_EXISTS, RECORD_EXISTS -> new ApiException(ErrorCode.CONFLICT, store.getMessage());
      };
    }
    if (e instanceof NoSuchElementException missing) {
      return ApiException.notFound(missing.getMessage());
    }
    if (e instanceof IllegalArgumentException illegal) {
      // Options that do not fit the data (an unknown dimension, no phases to take a range from).
      return ApiException.badRequest(illegal.getMessage());
    }
    if (e instanceof ArithmeticException overflow) {
      return new ApiException(ErrorCode.INTERNAL, "an amount overflowed (" + overflow.getMessage()
          + "); totals beyond ±9.2 trillion currency units cannot be represented exactly");
    }
    return new ApiException(ErrorCode.INTERNAL, "unexpected failure: " + e);
  }

  private static String firstReason(InputException e) {
    if (e.errors().isEmpty()) {
      return e.getMessage();
    }
    InputError first = e.errors().get(0);
    return (first.line() > 0 ? "line " + first.line() + ": " : "") + first.reason();
  }

  /** Answers the request with the failure's error body. */
  static void reply(Exception e, Context ctx) {
    ApiException api = toApi(e);
    if (api.code() == ErrorCode.INTERNAL) {
      // A bug or a failure nobody planned for: the request log has the message, this the trace.
      System.err.println("upshift: " + ctx.method() + " " + ctx.path() + " failed:");
      e.printStackTrace(System.err);
    }
    api.headers().forEach(ctx::header);
    ctx.attribute(ERROR_ATTRIBUTE, api.code().code() + ": " + api.getMessage());
    Json.reply(ctx, api.code().status(), new ErrorBody(
        new Error(api.code().code(), api.getMessage(), api.details(), api.count())));
  }
}
