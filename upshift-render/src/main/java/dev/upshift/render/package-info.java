/**
 * Reports as text, for people and spreadsheets: the {@code --format table} report ({@link
 * dev.upshift.render.TableReportWriter}), the analysis sections beside it ({@link
 * dev.upshift.render.AnalysisTableWriter}), the {@code --format csv} table ({@link
 * dev.upshift.render.CsvReportWriter}) and the {@code upshift explain} output ({@link
 * dev.upshift.render.ExplanationWriter}). The HTML report and the XLSX workbook are in the
 * subpackages {@code html} and {@code xlsx}.
 *
 * <p>Rendering is a module of its own ({@code upshift-render}) so that a caller that only reads
 * input and writes JSON or the ledger (a server, a Spark job) carries no spreadsheet library and
 * no inlined Chart.js. It depends inward only: on the core's report model, and on {@code
 * upshift-io} for {@link dev.upshift.io.report.Formats}, where how a figure looks is decided once
 * for these writers and the ledger alike (the conventions are listed in {@code
 * dev.upshift.io.report}). Everything here is locale-independent and deterministic.
 */
package dev.upshift.render;
