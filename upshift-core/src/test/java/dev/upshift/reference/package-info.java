/**
 * The reference engine: a deliberately naive transcription of SPEC §2–§5, §6.1 and §10 that
 * differential tests compare the production engine against. It scans every phase for every
 * snapshot, keeps money in {@link java.math.BigDecimal} and recomputes each period from scratch;
 * its ambiguity decisions are listed on {@link dev.upshift.reference.NaiveEngine}.
 */
package dev.upshift.reference;
