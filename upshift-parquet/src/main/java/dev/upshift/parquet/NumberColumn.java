package dev.upshift.parquet;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TinyIntVector;

/**
 * One batch of a numeric column (signed integers of any width, dates as epoch days, or 128-bit
 * decimals), its values copied onto the heap in bulk once per batch. Reused from batch to batch;
 * not thread-safe.
 */
final class NumberColumn {
  private final NullMask nulls = new NullMask();
  private long[] values = new long[0];
  /** The high 64 bits of each decimal; unused for integers. */
  private long[] highs = new long[0];
  private int scale = -1;

  /** Takes the next batch of the column, or {@code null} when the file lacks the column. */
  void load(FieldVector vector) {
    nulls.load(vector);
    if (vector == null) {
      return;
    }
    int rows = vector.getValueCount();
    if (values.length < rows) {
      values = new long[Math.max(rows, values.length * 2)];
    }
    ByteBuffer data = vector.getDataBuffer().nioBuffer().order(ByteOrder.LITTLE_ENDIAN);
    scale = -1;
    if (vector instanceof DecimalVector decimal) {
      if (highs.length < rows) {
        highs = new long[values.length];
      }
      scale = decimal.getScale();
      for (int i = 0; i < rows; i++) { // little-endian 128-bit two's complement
        values[i] = data.getLong(i * 16);
        highs[i] = data.getLong(i * 16 + 8);
      }
    } else if (vector instanceof BigIntVector) {
      data.asLongBuffer().get(values, 0, rows);
    } else if (vector instanceof IntVector || vector instanceof DateDayVector) {
      for (int i = 0; i < rows; i++) {
        values[i] = data.getInt(i * 4);
      }
    } else if (vector instanceof SmallIntVector) {
      for (int i = 0; i < rows; i++) {
        values[i] = data.getShort(i * 2);
      }
    } else if (vector instanceof TinyIntVector) {
      for (int i = 0; i < rows; i++) {
        values[i] = data.get(i);
      }
    } else {
      throw new IllegalArgumentException("not a numeric column: " + vector.getField());
    }
  }

  boolean isNull(int row) {
    return nulls.isNull(row);
  }

  /** An integer, a day, or a decimal's low 64 bits (unscaled). */
  long value(int row) {
    return values[row];
  }

  /** Whether the column holds decimals ({@link #scale()}, {@link #fitsInLong}). */
  boolean isDecimal() {
    return scale >= 0;
  }

  int scale() {
    return scale;
  }

  /** Whether a decimal's unscaled value is {@link #value(int)} itself (fits in a long). */
  boolean fitsInLong(int row) {
    return highs[row] == (values[row] >> 63);
  }
}
