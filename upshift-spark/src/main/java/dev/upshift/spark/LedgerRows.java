package dev.upshift.spark;

import dev.upshift.io.report.LedgerWriter;
import dev.upshift.metric.CustomerPeriod;
import dev.upshift.metric.RowSink;
import dev.upshift.metric.RowSinks;
import dev.upshift.movement.Component;
import dev.upshift.movement.Movement;
import dev.upshift.time.Period;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The ledger of §7.3 as Spark rows, for a warehouse: the columns of {@link LedgerWriter#HEADER}, in
 * its order, amounts as {@code DECIMAL(38,6)} (exact micro-units, so the rows sum to the report),
 * seat counts as {@code BIGINT}, flags as 0/1 {@code INT}. As the engine's {@link RowSinks}, it
 * collects each batch's rows of the reported periods and hands them over in customer order.
 * Used by one task.
 */
final class LedgerRows implements RowSinks<LedgerRows.Batch> {
  /** Amounts carry all six decimals of the engine's micro-units. */
  static final DataType AMOUNT = DataTypes.createDecimalType(38, 6);
  private static final Set<String> TEXT = Set.of("period", "customer_id", "status");
  private static final Set<String> COUNTS = Set.of("seats_start", "seats_end", "seat_movement");
  private static final Set<String> FLAGS = Set.of("upsell_user", "eligible", "upsold");
  /** The schema of a ledger row. */
  static final StructType SCHEMA = schema();

  private static final Component[] COMPONENTS = Component.values();

  private final String[] labels;
  private final List<Row> rows = new ArrayList<>();

  /** @param reported the reported periods: rows of other periods are not ledger rows */
  LedgerRows(List<Period> reported) {
    this.labels = reported.stream().map(Period::label).toArray(String[]::new);
  }

  private static StructType schema() {
    List<StructField> fields = new ArrayList<>();
    for (String name : LedgerWriter.HEADER) {
      DataType type = TEXT.contains(name) ? DataTypes.StringType
          : COUNTS.contains(name) ? DataTypes.LongType
          : FLAGS.contains(name) ? DataTypes.IntegerType : AMOUNT;
      fields.add(DataTypes.createStructField(name, type, !name.equals("period")
          && !name.equals("customer_id")));
    }
    return DataTypes.createStructType(fields);
  }

  /** One batch's rows. */
  final class Batch implements RowSink {
    private final List<Row> batch = new ArrayList<>();

    @Override
    public boolean wants(int periodIndex, boolean inLedger) {
      return inLedger && periodIndex >= 1 && periodIndex <= labels.length;
    }

    @Override
    public void accept(CustomerPeriod row) {
      if (wants(row.periodIndex(), row.inLedger())) {
        batch.add(row(labels[row.periodIndex() - 1], row));
      }
    }
  }

  @Override
  public Batch open() {
    return new Batch();
  }

  @Override
  public void close(Batch batch) {
    rows.addAll(batch.batch);
  }

  /** The rows collected since the last call, in customer order. */
  List<Row> drain() {
    List<Row> out = new ArrayList<>(rows);
    rows.clear();
    return out;
  }

  /** One ledger row: the values of {@link LedgerWriter}'s columns, in its order. */
  static Row row(String period, CustomerPeriod row) {
    Movement m = row.movement();
    Object[] values = new Object[SCHEMA.size()];
    int i = 0;
    values[i++] = period;
    values[i++] = row.customerId();
    values[i++] = m.status() == null ? null : m.status().code();
    values[i++] = amount(m.arr0());
    values[i++] = amount(m.arr1());
    for (Component component : COMPONENTS) {
      values[i++] = amount(m.component(component));
    }
    values[i++] = amount(m.expansion());
    values[i++] = amount(m.contraction());
    values[i++] = amount(m.netNew());
    values[i++] = m.seats0();
    values[i++] = m.seats1();
    values[i++] = m.seats1() - m.seats0();
    values[i++] = m.upsellUser() ? 1 : 0;
    values[i++] = amount(m.upsellRamp());
    values[i++] = row.eligible() ? 1 : 0;
    values[i++] = row.upsold() ? 1 : 0;
    values[i++] = amount(row.upsoldArr());
    return RowFactory.create(values);
  }

  private static BigDecimal amount(long micros) {
    return BigDecimal.valueOf(micros, 6);
  }
}
