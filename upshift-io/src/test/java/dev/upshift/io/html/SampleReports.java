package dev.upshift.io.html;

import dev.upshift.Upshift;
import dev.upshift.analysis.AnalysisOptions;
import dev.upshift.analysis.SyntheticCompany;
import dev.upshift.report.Report;
import dev.upshift.report.ReportOptions;

/** Reports of the synthetic company, as the HTML and spreadsheet tests and the screenshot use. */
public final class SampleReports {
  private SampleReports() {}

  /** The last 12 months of the standard synthetic company, with analysis and dashboard segments. */
  public static Report standard() {
    SyntheticCompany.Company company = SyntheticCompany.standard();
    ReportOptions options = HtmlReportWriter.optionsFor(ReportOptions.builder()
        .from(company.to().minusMonths(11)).to(company.to()).build());
    return Upshift.analyze(company.dataset(), options,
        AnalysisOptions.defaults().withInitiatives(company.initiatives()), null);
  }

  /** A quarterly view of the same company over its three years. */
  public static Report quarterly() {
    SyntheticCompany.Company company = SyntheticCompany.standard();
    ReportOptions options = HtmlReportWriter.optionsFor(ReportOptions.builder()
        .grain(dev.upshift.time.Grain.QUARTER).from(company.from()).to(company.to()).build());
    return Upshift.analyze(company.dataset(), options,
        AnalysisOptions.defaults().withInitiatives(company.initiatives()), null);
  }

  /** Writes the standard report to {@code args[0]} (default {@code target/sample-report.html}). */
  public static void main(String[] args) throws Exception {
    java.nio.file.Path out = java.nio.file.Path.of(args.length > 0 ? args[0] : "target/sample-report.html");
    new HtmlReportWriter("Acme Cloud · Expansion report").write(
        args.length > 1 && args[1].equals("quarterly") ? quarterly() : standard(), out);
    System.out.println(out.toAbsolutePath());
  }

}
