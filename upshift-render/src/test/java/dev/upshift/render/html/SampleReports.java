package dev.upshift.render.html;

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

  /**
   * The last 12 months of the same company with the Upsell Rate over each customer's first 90
   * days: the report without analysis, as {@code --format html --rate-window onboarding:90} makes.
   */
  public static Report firstNinetyDays() {
    SyntheticCompany.Company company = SyntheticCompany.standard();
    return Upshift.report(company.dataset(), HtmlReportWriter.optionsFor(ReportOptions.builder()
        .from(company.to().minusMonths(11)).to(company.to())
        .rateWindow(dev.upshift.metric.RateWindow.onboarding(90)).build()));
  }

  /** A quarterly view of the same company over its three years. */
  public static Report quarterly() {
    SyntheticCompany.Company company = SyntheticCompany.standard();
    ReportOptions options = HtmlReportWriter.optionsFor(ReportOptions.builder()
        .grain(dev.upshift.time.Grain.QUARTER).from(company.from()).to(company.to()).build());
    return Upshift.analyze(company.dataset(), options,
        AnalysisOptions.defaults().withInitiatives(company.initiatives()), null);
  }

  /**
   * The report of the bundled sample data ({@code samples/demo}), read like the command line reads
   * it: every file of the folder, the default range, analysis and dashboard segments.
   */
  public static Report bundledSample() {
    java.nio.file.Path demo = bundledSampleFolder();
    dev.upshift.io.csv.InputFiles files = dev.upshift.io.csv.InputFiles.of(demo.resolve("subscriptions.csv"))
        .withCustomers(demo.resolve("customers.csv")).withPlans(demo.resolve("plans.csv"))
        .withHealth(demo.resolve("health.csv")).withTargets(demo.resolve("targets.csv"))
        .withFx(demo.resolve("fx.csv"));
    return Upshift.analyze(dev.upshift.io.csv.DatasetReader.read(files).dataset(),
        HtmlReportWriter.optionsFor(ReportOptions.defaults()), AnalysisOptions.defaults(), null);
  }

  static java.nio.file.Path bundledSampleFolder() {
    for (java.nio.file.Path dir = java.nio.file.Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (java.nio.file.Files.isDirectory(dir.resolve("samples/demo"))) {
        return dir.resolve("samples/demo");
      }
    }
    throw new IllegalStateException("samples/demo not found above " + java.nio.file.Path.of("").toAbsolutePath());
  }

  /** Writes the standard report to {@code args[0]} (default {@code target/sample-report.html}). */
  public static void main(String[] args) throws Exception {
    java.nio.file.Path out = java.nio.file.Path.of(args.length > 0 ? args[0] : "target/sample-report.html");
    new HtmlReportWriter("Acme Cloud · Expansion report").write(
        args.length > 1 && args[1].equals("quarterly") ? quarterly() : standard(), out);
    System.out.println(out.toAbsolutePath());
  }

}
