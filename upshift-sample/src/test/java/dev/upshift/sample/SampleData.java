package dev.upshift.sample;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.upshift.input.BillingPeriod;
import dev.upshift.input.Phase;
import dev.upshift.input.PhaseKind;
import dev.upshift.input.PhaseStatus;
import dev.upshift.money.Micros;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated dataset parsed the way a reader would (§1, §10 defaults), minimally and only for
 * tests: it trusts the generator's cells to be valid and fails loudly when one is not.
 */
final class SampleData {
  final SampleOptions options;
  final Map<SampleFile, String> texts;
  final Map<SampleFile, List<NamedCsvRecord>> records = new HashMap<>();
  final Map<String, BigDecimal> fxRates = new HashMap<>();
  /** Subscription rows as phases, in file order; {@code line} is the physical line (header = 1). */
  final List<Phase> phases = new ArrayList<>();

  private SampleData(SampleOptions options) {
    this.options = options;
    this.texts = SampleGenerator.of(options).toStrings();
    for (SampleFile file : SampleFile.values()) {
      records.put(file, CsvReader.builder().ofNamedCsvRecord(texts.get(file)).stream().toList());
    }
    fxRates.put("USD", BigDecimal.ONE);
    for (NamedCsvRecord row : records.get(SampleFile.FX)) {
      fxRates.put(row.getField("currency"), new BigDecimal(row.getField("rate")));
    }
    for (NamedCsvRecord row : records.get(SampleFile.SUBSCRIPTIONS)) {
      phases.add(phase(row));
    }
  }

  static SampleData generate(SampleOptions options) {
    return new SampleData(options);
  }

  List<NamedCsvRecord> rows(SampleFile file) {
    return records.get(file);
  }

  private Phase phase(NamedCsvRecord row) {
    String product = orDefault(row.getField("product"), "default");
    String lineId = orDefault(row.getField("line_id"), product);
    String plan = row.getField("plan").isEmpty() ? null : row.getField("plan");
    Integer tier = row.getField("tier").isEmpty() ? null : Integer.valueOf(row.getField("tier"));
    int seats = row.getField("seats").isEmpty() ? 0 : Integer.parseInt(row.getField("seats"));
    LocalDate start = LocalDate.parse(row.getField("start_date"));
    LocalDate end = date(row.getField("end_date"));
    LocalDate signed = row.getField("signed_date").isEmpty() ? start : date(row.getField("signed_date"));
    LocalDate cancelSigned = end == null ? null
        : row.getField("cancel_signed_date").isEmpty() ? end : date(row.getField("cancel_signed_date"));
    PhaseStatus status = row.getField("status").isEmpty() ? PhaseStatus.ACTIVE
        : PhaseStatus.parse(row.getField("status")).orElseThrow();
    PhaseKind kind = row.getField("kind").isEmpty() ? PhaseKind.RECURRING
        : PhaseKind.parse(row.getField("kind")).orElseThrow();
    int line = (int) row.getStartingLineNumber();
    return new Phase(row.getField("customer_id"), lineId, product, plan, tier, seats, arrMicros(row),
        start, end, signed, cancelSigned, status, kind, line);
  }

  /** §3.3: the price normalised to 12 months and converted, rounded half-even to 6 decimals. */
  long arrMicros(NamedCsvRecord row) {
    BigDecimal annual;
    if (!row.getField("arr").isEmpty()) {
      annual = new BigDecimal(row.getField("arr"));
    } else if (!row.getField("mrr").isEmpty()) {
      annual = new BigDecimal(row.getField("mrr")).multiply(BigDecimal.valueOf(12));
    } else {
      int months = BillingPeriod.parse(row.getField("billing_period")).orElseThrow().months();
      annual = new BigDecimal(row.getField("amount")).multiply(BigDecimal.valueOf(12))
          .divide(BigDecimal.valueOf(months), 20, RoundingMode.HALF_EVEN);
    }
    String currency = orDefault(row.getField("currency"), "USD");
    return Micros.of(annual.multiply(fxRates.get(currency)));
  }

  static String orDefault(String cell, String fallback) {
    return cell.isEmpty() ? fallback : cell;
  }

  static LocalDate date(String cell) {
    return cell.isEmpty() ? null : LocalDate.parse(cell);
  }
}
