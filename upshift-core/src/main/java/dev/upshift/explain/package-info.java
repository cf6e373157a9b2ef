/**
 * Explanations: one customer's contribution to every figure, period by period, with the phases
 * (and their source lines) that caused each movement. Built from the same engine as the report,
 * so an explanation can never disagree with the numbers it explains.
 */
package dev.upshift.explain;
