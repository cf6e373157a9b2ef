/**
 * Upshift: exact, explainable SaaS expansion metrics. {@link dev.upshift.Upshift} is the entry
 * point; the packages below follow the SPEC's concepts: {@code input}, {@code time},
 * {@code state}, {@code movement}, {@code metric}, {@code segment}, {@code report},
 * {@code explain}.
 */
package dev.upshift;
