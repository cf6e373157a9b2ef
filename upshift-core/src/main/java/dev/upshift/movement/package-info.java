/**
 * What one customer did in one period (SPEC §4), as values: the logo status, the ARR components
 * and the seat movement ({@link dev.upshift.movement.Movement}).
 *
 * <p>The rules that produce them live in one place, the engine's {@code CustomerKernel} in
 * {@code dev.upshift.metric}. A customer first gets a logo status (new, reactivated, churned,
 * retained). A retained customer's change is split product by product: a product held only at the
 * end is cross-sell, one held only at the start is product churn, and one held at both ends is
 * split by driver. The seat effect prices the seat change at the old unit price (a rest under one
 * cent beside it is that price's rounding residue and joins it); the rest is attributed by the
 * tier direction (upsell, downsell) or, with no tier move, to price (add-on price, reduction
 * price). That is why a price-only increase is never an upsell, and why a move from 50 Standard
 * seats to 30 Premium seats is an upsell in ARR and a seat downgrade at the same time.
 */
package dev.upshift.movement;
