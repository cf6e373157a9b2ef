package dev.upshift.spark;

import dev.upshift.ReportContext;
import dev.upshift.analysis.AnalysisOptions;
import dev.upshift.analysis.Analyzer;
import dev.upshift.input.Dataset;
import java.io.Serializable;

/**
 * What every partition of the customer pass needs from the driver, broadcast once: the context of
 * the report asked for and, with the analysis, the context of the extended pass that feeds it
 * (§6: one more period, the initiatives' dimensions) and the analysis settings. Immutable and
 * serialisable.
 *
 * @param requested the context of the report asked for
 * @param extended the context the customers are computed in when the analysis is asked for, else
 *     {@code null}
 * @param analysis the analysis settings, or {@code null}
 */
record JobContext(ReportContext requested, ReportContext extended, AnalysisOptions analysis)
    implements Serializable {

  /** The context the engine computes customers in. */
  ReportContext computed() {
    return extended == null ? requested : extended;
  }

  /**
   * An analyzer of the requested report, for one partition or for the driver: it needs the
   * customers' attributes and health scores, which the context carries, and no phases.
   */
  Analyzer analyzer() {
    Dataset attributes = Dataset.builder().customers(requested.customers())
        .health(requested.health()).targets(requested.targets()).currency(requested.currency())
        .build();
    return Analyzer.of(attributes, requested.options(), analysis,
        requested.plan().calendar(), requested.plan().reportedPeriods());
  }
}
