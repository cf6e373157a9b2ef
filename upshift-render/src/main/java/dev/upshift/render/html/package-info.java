/**
 * The HTML report ({@code --format html}, {@link dev.upshift.render.html.HtmlReportWriter}): one
 * self-contained file with Chart.js, the stylesheet, the drawing script and the chart data
 * inlined, so that it opens offline and fetches nothing. The resources (and Chart.js's licence,
 * {@code THIRD-PARTY.md}) sit beside this package under {@code src/main/resources}. Escaping and
 * number formats for the page are decided in {@code Html}, the chart data in {@code ChartData};
 * both are internal, not a contract.
 */
package dev.upshift.render.html;
