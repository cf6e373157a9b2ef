package dev.upshift.analysis;

import static java.util.Objects.requireNonNull;

import dev.upshift.segment.SegmentFilter;
import java.time.LocalDate;

/**
 * One row of {@code initiatives.csv} (§1.2, §6.5): an improvement programme launched on a day for
 * one segment of customers. Immutable.
 *
 * @param name what the initiative is called; unique within a file
 * @param launchDate the day it started
 * @param segment the segment it targets ({@code dim=value}), or {@code null} for all customers
 */
public record Initiative(String name, LocalDate launchDate, SegmentFilter segment)
    implements java.io.Serializable {
  public Initiative {
    requireNonNull(name, "name is null");
    requireNonNull(launchDate, "launchDate is null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("initiative name is blank");
    }
  }

  /** An initiative for all customers. */
  public static Initiative forAll(String name, LocalDate launchDate) {
    return new Initiative(name, launchDate, null);
  }
}
