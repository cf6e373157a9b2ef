package dev.upshift.sample;

import java.time.LocalDate;

/**
 * Fast, allocation-light CSV formatting for the generator's hot loop: dates from a precomputed
 * table, cents as plain decimals, and RFC 4180 quoting only where a cell needs it.
 */
final class CsvText {
  private final int firstDay;
  private final String[] dates;

  /** Caches the ISO text of every day from {@code firstDay} to {@code lastDay} inclusive. */
  CsvText(int firstDay, int lastDay) {
    this.firstDay = firstDay;
    this.dates = new String[lastDay - firstDay + 1];
    for (int day = firstDay; day <= lastDay; day++) {
      dates[day - firstDay] = LocalDate.ofEpochDay(day).toString();
    }
  }

  void date(StringBuilder out, int epochDay) {
    int index = epochDay - firstDay;
    out.append(index >= 0 && index < dates.length ? dates[index] : LocalDate.ofEpochDay(epochDay).toString());
  }

  /** {@code 1234} or {@code 1234.05}: at most two decimals, never an exponent. */
  static void cents(StringBuilder out, long cents) {
    if (cents < 0) {
      throw new IllegalArgumentException("negative amount: " + cents);
    }
    out.append(cents / 100);
    long fraction = cents % 100;
    if (fraction != 0) {
      out.append('.');
      if (fraction < 10) {
        out.append('0');
      }
      out.append(fraction);
    }
  }

  /** A text cell, quoted when it holds a comma, a quote or a line break (RFC 4180). */
  static void text(StringBuilder out, String cell) {
    boolean quote = false;
    for (int i = 0; i < cell.length() && !quote; i++) {
      char c = cell.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      out.append(cell);
      return;
    }
    out.append('"');
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c == '"') {
        out.append('"');
      }
      out.append(c);
    }
    out.append('"');
  }

  /** {@code C000042}: a {@code C} and the number padded to six digits (more when larger). */
  static void customerId(StringBuilder out, int number) {
    out.append('C');
    for (int width = 100_000; width > 1 && number < width; width /= 10) {
      out.append('0');
    }
    out.append(number);
  }
}
