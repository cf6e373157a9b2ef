/**
 * The input contract (SPEC §1): subscription phases and the optional customer, plan, health,
 * target and FX inputs, already parsed and defaulted. Readers in other modules produce these
 * values; {@link dev.upshift.input.SubscriptionLog} applies the one check that spans rows (phases
 * of a line must not overlap). Errors are {@link dev.upshift.input.InputError} values naming file,
 * line, column and reason, with an {@link dev.upshift.input.InputErrorCode} for the adapters that
 * turn errors into exit codes or HTTP statuses.
 */
package dev.upshift.input;
