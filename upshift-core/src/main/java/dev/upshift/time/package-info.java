/**
 * Periods and fiscal calendars (SPEC §2). A period is a run of whole calendar months; it is
 * measured by two snapshots, the day before it starts ({@code d0}) and its last day ({@code d1}),
 * so only the net change across the period counts.
 */
package dev.upshift.time;
