package dev.upshift.sample;

import java.time.YearMonth;
import java.util.Arrays;

/** The months a dataset covers, as epoch days: month {@code m} is {@code [start(m), start(m + 1))}. */
final class Window {
  private final YearMonth first;
  private final int[] monthStarts;

  Window(YearMonth first, int months) {
    this.first = first;
    this.monthStarts = new int[months + 1];
    for (int m = 0; m <= months; m++) {
      monthStarts[m] = (int) first.plusMonths(m).atDay(1).toEpochDay();
    }
  }

  YearMonth month(int m) {
    return first.plusMonths(m);
  }

  int months() {
    return monthStarts.length - 1;
  }

  /** First day of month {@code m}; {@code start(months())} is the first day after the window. */
  int start(int m) {
    return monthStarts[m];
  }

  int length(int m) {
    return monthStarts[m + 1] - monthStarts[m];
  }

  /** The first day after the window: every start and end date is before it. */
  int end() {
    return monthStarts[monthStarts.length - 1];
  }

  /** The month index of a day inside the window. */
  int monthOf(int day) {
    int index = Arrays.binarySearch(monthStarts, day);
    return index >= 0 ? index : -index - 2;
  }
}
