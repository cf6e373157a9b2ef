package dev.upshift.server.report;

import static java.util.Objects.requireNonNull;

import dev.upshift.input.InputErrorCode;
import java.util.List;

/**
 * The stored records do not make a valid input for the report asked for: a phase in a currency the
 * requested reporting currency has no rate for, or rates whose reporting currency is not 1, or
 * data left inconsistent by a retraction (an exchange rate retracted while phases still use it).
 * Every record was valid when it was stored; these are rules between kinds and options.
 */
public final class InvalidData extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * One problem.
   *
   * @param kind the record kind ({@code phases}, {@code fx}, …)
   * @param id the record's id, or {@code null} when it cannot be named
   * @param field the field, or {@code null}
   * @param code the error code
   * @param message what is wrong
   */
  public record Problem(String kind, String id, String field, InputErrorCode code, String message) {
    public Problem {
      requireNonNull(kind, "kind is null");
      requireNonNull(code, "code is null");
      requireNonNull(message, "message is null");
    }
  }

  private final transient List<Problem> problems;
  private final long count;

  InvalidData(List<Problem> problems, long count) {
    super(count + (count == 1 ? " problem" : " problems") + " in the stored records for this"
        + " report; correct or retract the records named");
    this.problems = List.copyOf(problems);
    this.count = count;
  }

  public List<Problem> problems() {
    return problems;
  }

  public long count() {
    return count;
  }
}
