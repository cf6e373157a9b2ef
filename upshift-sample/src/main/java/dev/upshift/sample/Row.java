package dev.upshift.sample;

import dev.upshift.input.PhaseKind;
import dev.upshift.input.PhaseStatus;

/** One {@code subscriptions.csv} row of the customer being simulated; days are epoch days. */
final class Row {
  static final int NONE = Integer.MIN_VALUE;

  final int sequence;
  /** The line, or {@code null} for overage and one-time rows. */
  final Line line;
  final String product;
  /** The plan name, or {@code null}. */
  final String plan;
  /** The plan's rank within its product, or 0 when it has none. */
  final int tier;
  final int seats;
  final long priceCents;
  final PriceForm form;
  final int start;
  final int signed;
  final PhaseStatus status;
  final PhaseKind kind;
  int end = NONE;
  int cancelSigned = NONE;

  Row(int sequence, Line line, String product, String plan, int tier, int seats, long priceCents,
      PriceForm form, int start, int signed, PhaseStatus status, PhaseKind kind) {
    this.sequence = sequence;
    this.line = line;
    this.product = product;
    this.plan = plan;
    this.tier = tier;
    this.seats = seats;
    this.priceCents = priceCents;
    this.form = form;
    this.start = start;
    this.signed = signed;
    this.status = status;
    this.kind = kind;
  }

  /** The same terms over {@code [start, end)}, with the given notice day. */
  Row piece(int pieceStart, int pieceEnd, int pieceCancelSigned) {
    Row piece = new Row(sequence, line, product, plan, tier, seats, priceCents, form, pieceStart,
        signed, status, kind);
    piece.end = pieceEnd;
    piece.cancelSigned = pieceCancelSigned;
    return piece;
  }
}
