package dev.upshift.store;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One page of a listing in id order (SPEC §8.3). Immutable.
 *
 * @param records at most the requested number, ids ascending
 * @param next the id to pass as {@code after} for the next page; null on the last page
 */
public record RecordPage(List<DataRecord> records, String next) {

  public RecordPage {
    records = List.copyOf(requireNonNull(records, "records is null"));
    if (next != null && (records.isEmpty() || !records.get(records.size() - 1).id().equals(next))) {
      throw new IllegalArgumentException("next must be the last id of a non-empty page: " + next);
    }
  }

  /** The cursor of the next page, or empty on the last page. */
  public Optional<String> nextAfter() {
    return Optional.ofNullable(next);
  }
}
