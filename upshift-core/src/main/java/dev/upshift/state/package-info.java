/**
 * Facts about customer state that hold across the whole dataset (SPEC §2.3, §10): the two books
 * ({@link dev.upshift.state.Book}) and the tier ladder ({@link dev.upshift.state.TierLadder}),
 * whose top tiers are dataset-wide facts every customer's eligibility depends on.
 *
 * <p>The state itself (which phases are in force on a day, per book, and what they add up to per
 * product) is computed by the one engine in {@code dev.upshift.metric} ({@code CustomerKernel}),
 * on primitive arrays, for every output alike.
 */
package dev.upshift.state;
