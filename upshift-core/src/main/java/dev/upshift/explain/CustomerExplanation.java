package dev.upshift.explain;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;

/**
 * Why a customer's numbers are what they are: its facts and its periods, each with the phases
 * that moved it. Immutable.
 *
 * @param firstActiveDate {@code first_active_date} in the report's book, or {@code null}
 * @param initialArrMicros {@code initial_arr} in micro-units
 * @param window the customer's onboarding window when the report measures the Upsell Rate over
 *     one (§5.5), else {@code null}
 */
public record CustomerExplanation(String customerId, LocalDate firstActiveDate,
    long initialArrMicros, List<PeriodExplanation> periods, WindowExplanation window) {
  public CustomerExplanation {
    requireNonNull(customerId, "customerId is null");
    periods = List.copyOf(periods);
  }
}
