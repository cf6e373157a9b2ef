/**
 * Customer state (SPEC §2.2, §2.3, §3): which phases are in force on a day, in the live or the
 * contracted book, and what they add up to per product.
 *
 * <p>Each subscription line becomes a step function of days ({@code LineTimeline}); the two books
 * differ only in how those steps are built (effective dates, or signing dates with the
 * latest-effective-date rule). A customer's state on a day ({@link dev.upshift.state.CustomerState})
 * sums the billable phases in force by product: ARR, seats, the highest known tier and the plan
 * that goes with it. The customer facts of §3.2 (first active date, initial ARR) come from the
 * same timeline, so in the contracted book they are contracted facts too.
 */
package dev.upshift.state;
