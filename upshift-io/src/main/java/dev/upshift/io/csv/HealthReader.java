package dev.upshift.io.csv;

import dev.upshift.input.HealthScores;
import dev.upshift.input.InputErrorCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Reads {@code health.csv} ({@code customer_id}, {@code date}, {@code score} 0–100). A score is a
 * ranking signal, not money, so it is kept as a {@code double}; several scores of one customer on one
 * date: the last in the file wins (§10).
 */
final class HealthReader extends TableReader {
  static final Columns COLUMNS = Columns.lenient(
      FileKind.HEALTH, List.of("customer_id", "date", "score"), List.of("customer_id", "date", "score"));
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final HealthScores.Builder scores = HealthScores.builder();

  HealthReader(ReadContext context, InputSource source) {
    super(context, source, COLUMNS);
  }

  @Override
  void readRow(RowCells cells) {
    String customerId = cells.required("customer_id");
    LocalDate date = cells.requiredDate("date");
    BigDecimal score = cells.decimal("score");
    if (score == null && cells.isEmpty("score")) {
      cells.error("score", InputErrorCode.MISSING_VALUE, "is empty; every row needs a score");
    } else if (score != null && (score.signum() < 0 || score.compareTo(HUNDRED) > 0)) {
      cells.error("score", InputErrorCode.BAD_SCORE,
          RowCells.quote(cells.text("score")) + " is not between 0 and 100");
    }
    if (!cells.hasErrors()) {
      scores.put(customerId, date, score.doubleValue());
    }
  }

  HealthScores scores() {
    return scores.build();
  }
}
