/**
 * Upshift: exact, explainable SaaS expansion metrics. {@link dev.upshift.Upshift} is the entry
 * point, and {@link dev.upshift.ReportContext} the dataset-wide facts a report is computed
 * against (what a Spark executor or the service needs to compute any customer on its own); the
 * packages below follow the SPEC's concepts: {@code input}, {@code time},
 * {@code state}, {@code movement}, {@code metric}, {@code segment}, {@code report},
 * {@code explain}.
 */
package dev.upshift;
