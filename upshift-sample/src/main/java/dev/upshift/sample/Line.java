package dev.upshift.sample;

import dev.upshift.input.PhaseStatus;
import java.util.ArrayList;
import java.util.List;

/** One subscription line of the customer being simulated: its current terms and its rows. */
final class Line {
  final Product product;
  /** The explicit {@code line_id}, or {@code null} for the product's default line. */
  final String lineId;
  final List<Row> rows = new ArrayList<>();

  int plan;
  int seats;
  /** Annual price of one seat (or of the whole line when flat), in cents, a multiple of 12. */
  long unitAnnualCents;
  PriceForm form;
  /** Whether the line's latest row is in force with no end. */
  boolean open;
  /** The earliest day a new row may start: after the last row's start and any ending. */
  int minNextStart = Integer.MIN_VALUE;
  /** The start of the last step pre-signed in a ramp; the customer cannot cancel before it. */
  int lockedUntil = Integer.MIN_VALUE;

  Line(Product product, String lineId) {
    this.product = product;
    this.lineId = lineId;
  }

  Row last() {
    return rows.get(rows.size() - 1);
  }

  /** Whether the line is in force and billed as active (not trial, suspended or ended). */
  boolean activeNow() {
    return open && last().status == PhaseStatus.ACTIVE;
  }

  /** The recurring price of the current terms in the line's own form, in cents. */
  long priceCents() {
    long unit = form.unitPriceCents(unitAnnualCents);
    return product.perSeat() ? unit * seats : unit;
  }
}
