package dev.upshift.report;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How much of a period the data covers, so that no output reads an edge of the data as a whole
 * period. The data covers whole months: from the first day of the month of the earliest {@code
 * start_date} of any subscription row (or of the opening balance month, §2.4) to the last day of
 * the month of the latest {@code start_date} or {@code end_date} of any row, the months the
 * default range reports. An export is taken as covering the month of its last event whole; a
 * quarter or year reaching past that month, or starting before the first, is partial. Immutable.
 *
 * @param from the first day of the period the data covers, {@code null} when it covers none
 * @param through the last such day, {@code null} when it covers none
 * @param days the days of the period the data covers
 * @param ofDays the days of the period
 * @param opening the period holds the data's first day and no opening balance was given: the
 *     customers already active when the data starts arrive in it as new logos
 * @param partial the data covers only part of the period (it starts after the period starts or
 *     ends before the period ends)
 */
public record Coverage(LocalDate from, LocalDate through, long days, long ofDays, boolean opening,
    boolean partial) {

  public Coverage {
    if (days < 0 || days > ofDays || ofDays < 1) {
      throw new IllegalArgumentException("coverage of " + days + " of " + ofDays + " days");
    }
    if ((from == null) != (days == 0) || (through == null) != (days == 0)) {
      throw new IllegalArgumentException("from and through are given exactly when days > 0");
    }
    if (partial != (days < ofDays)) {
      throw new IllegalArgumentException("partial is days < ofDays");
    }
  }

  /**
   * The coverage of the period {@code start..end} by data from {@code dataFirst} to {@code
   * dataLast} (either {@code null} when there is no data).
   *
   * @param openingBalance whether the data's start is an opening balance (§2.4), which makes the
   *     first period an ordinary one
   */
  public static Coverage of(LocalDate start, LocalDate end, LocalDate dataFirst,
      LocalDate dataLast, boolean openingBalance) {
    requireNonNull(start, "start is null");
    requireNonNull(end, "end is null");
    long ofDays = ChronoUnit.DAYS.between(start, end) + 1;
    if (dataFirst == null || dataLast == null) {
      return new Coverage(null, null, 0, ofDays, false, true);
    }
    LocalDate from = start.isAfter(dataFirst) ? start : dataFirst;
    LocalDate through = end.isBefore(dataLast) ? end : dataLast;
    boolean opening = !openingBalance && !dataFirst.isBefore(start) && !dataFirst.isAfter(end);
    if (through.isBefore(from)) {
      return new Coverage(null, null, 0, ofDays, opening, true);
    }
    long days = ChronoUnit.DAYS.between(from, through) + 1;
    return new Coverage(from, through, days, ofDays, opening, days < ofDays);
  }

  /** A period the data covers from end to end, not the opening one. */
  public static Coverage whole(LocalDate start, LocalDate end) {
    long days = ChronoUnit.DAYS.between(start, end) + 1;
    return new Coverage(start, end, days, days, false, false);
  }

  /**
   * Whether the period reads as an ordinary whole one: neither the opening period, whose new logos
   * hold the existing book, nor a partial one. Outputs mark the others.
   */
  public boolean whole() {
    return !opening && !partial;
  }

  /**
   * Whether the period's Upsell Rate can be judged against a target (§5.6) or a published
   * reference (§6.6): when the data covers it whole. The opening period can: its eligible customers
   * are those active before it starts, whom the data does not show, so it adds nothing to a rate
   * (its new logos are what is wrong with it, and they are not judged).
   */
  public boolean judged() {
    return !partial;
  }

  /**
   * A short note for people on why the period is marked, or {@code null} when it is whole: e.g.
   * {@code data from 2024-11-01 (61 of 92 days); opening period: new logos include customers active
   * when the data starts}.
   */
  public String note() {
    if (whole()) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    if (partial) {
      text.append(days == 0 ? "no data in this period"
          : "data covers " + from + " to " + through + " (" + days + " of " + ofDays + " days)");
    }
    if (opening) {
      if (!text.isEmpty()) {
        text.append("; ");
      }
      text.append("opening period: new logos include customers already active when the data "
          + "starts (see --opening-balance)");
    }
    return text.toString();
  }
}
