/**
 * Segments (SPEC §6.1): dimensions that place each customer in exactly one value per period, so
 * that segment figures add up to the total. A customer active at the period's opening snapshot is
 * placed by its facts at the period start (tenure then, latest health score then, plan at d0);
 * any other customer by its facts at the closing snapshot. Customers never change segment within
 * one period's figures.
 */
package dev.upshift.segment;
