/**
 * The spreadsheet report ({@code --format xlsx}, {@link dev.upshift.render.xlsx.XlsxReportWriter}),
 * written with fastexcel: a sheet per view, real numbers with number formats, formula-like text
 * defused. The only user of the spreadsheet library, which is why it lives in {@code
 * upshift-render} and not among the plain writers.
 */
package dev.upshift.render.xlsx;
