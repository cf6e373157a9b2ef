package dev.upshift.sample;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.Map;

/**
 * What a generation run wrote: data rows per file (headers not counted). Immutable.
 *
 * @param options the options generated from
 * @param rows data rows per file; every {@link SampleFile} is present
 */
public record SampleSummary(SampleOptions options, Map<SampleFile, Long> rows) {
  public SampleSummary {
    requireNonNull(options, "options is null");
    requireNonNull(rows, "rows is null");
    EnumMap<SampleFile, Long> copy = new EnumMap<>(SampleFile.class);
    copy.putAll(rows);
    for (SampleFile file : SampleFile.values()) {
      if (!copy.containsKey(file)) {
        throw new IllegalArgumentException("no row count for " + file.fileName());
      }
    }
    rows = Map.copyOf(copy);
  }

  /** Data rows written to one file. */
  public long rows(SampleFile file) {
    return rows.get(file);
  }

  /** Data rows over all files. */
  public long totalRows() {
    return rows.values().stream().mapToLong(Long::longValue).sum();
  }

  /** One line naming every file and its row count, in {@link SampleFile} order. */
  public String describe() {
    StringBuilder line = new StringBuilder();
    for (SampleFile file : SampleFile.values()) {
      line.append(line.length() == 0 ? "" : ", ").append(file.fileName()).append(' ')
          .append(rows(file));
    }
    return line.toString();
  }
}
