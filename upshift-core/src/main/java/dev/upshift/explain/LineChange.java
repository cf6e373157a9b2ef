package dev.upshift.explain;

import static java.util.Objects.requireNonNull;

import dev.upshift.input.Phase;

/**
 * A subscription line whose billable phase differs between a period's two snapshots.
 *
 * @param lineId the line
 * @param before the billable phase in force at {@code d0}, or {@code null}
 * @param after the billable phase in force at {@code d1}, or {@code null}
 */
public record LineChange(String lineId, Phase before, Phase after) {
  public LineChange {
    requireNonNull(lineId, "lineId is null");
  }
}
