package dev.upshift.io.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.upshift.analysis.Analysis;
import dev.upshift.analysis.Benchmarks;
import dev.upshift.analysis.Cohorts;
import dev.upshift.analysis.Correlation;
import dev.upshift.analysis.Forecast;
import dev.upshift.analysis.InitiativeImpact;
import dev.upshift.analysis.Signals;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link Analysis} as the top-level sections of the JSON report ({@code --analysis}):
 * {@code cohorts}, {@code forecast}, {@code correlation}, {@code initiatives}, {@code benchmarks},
 * {@code signals}. The names and shapes are stable (documented in {@code docs/analysis.md});
 * fields may be added. Money, rates and statistics are JSON numbers rounded half-even to 2
 * decimals; counts are integers; {@code null} where undefined; dates ISO; grains lower-case.
 *
 * <pre>{@code
 * generator.writeStartObject();
 * ... the report's own fields ...
 * if (report.analysis() != null) {
 *   AnalysisJson.writeSections(report.analysis(), generator);
 * }
 * generator.writeEndObject();
 * }</pre>
 */
public final class AnalysisJson {
  /** The section names, in the order written. */
  public static final List<String> SECTIONS =
      List.of("cohorts", "forecast", "correlation", "initiatives", "benchmarks", "signals");

  private AnalysisJson() {}

  /** Writes the six sections as fields of the object {@code gen} is currently in. */
  public static void writeSections(Analysis analysis, JsonGenerator gen) throws IOException {
    gen.writeFieldName("cohorts");
    cohorts(analysis.cohorts(), gen);
    gen.writeFieldName("forecast");
    forecast(analysis.forecast(), gen);
    gen.writeFieldName("correlation");
    correlation(analysis.correlation(), gen);
    gen.writeArrayFieldStart("initiatives");
    for (InitiativeImpact impact : analysis.initiatives()) {
      initiative(impact, gen);
    }
    gen.writeEndArray();
    gen.writeFieldName("benchmarks");
    benchmarks(analysis.benchmarks(), gen);
    gen.writeFieldName("signals");
    signals(analysis.signals(), gen);
  }

  private static void cohorts(Cohorts cohorts, JsonGenerator gen) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("cohortGrain", cohorts.cohortGrain().code());
    gen.writeStringField("ageGrain", cohorts.ageGrain().code());
    gen.writeArrayFieldStart("cohorts");
    for (Cohorts.Cohort cohort : cohorts.cohorts()) {
      gen.writeStartObject();
      gen.writeStringField("cohort", cohort.label());
      gen.writeStringField("firstMonth", cohort.firstMonth().toString());
      gen.writeNumberField("customers", cohort.customers());
      gen.writeArrayFieldStart("cells");
      for (Cohorts.Cell cell : cohort.cells()) {
        gen.writeStartObject();
        gen.writeNumberField("age", cell.age());
        gen.writeStringField("period", cell.period());
        gen.writeNumberField("customers", cell.customers());
        gen.writeNumberField("eligible", cell.eligible());
        gen.writeNumberField("upsold", cell.upsold());
        number(gen, "rate", cell.rate());
        number(gen, "arrStarting", cell.arrStarting());
        number(gen, "arrEnding", cell.arrEnding());
        number(gen, "nrr", cell.nrr());
        gen.writeEndObject();
      }
      gen.writeEndArray();
      gen.writeEndObject();
    }
    gen.writeEndArray();
    gen.writeEndObject();
  }

  private static void forecast(Forecast f, JsonGenerator gen) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("period", f.period());
    strings(gen, "windowPeriods", f.windowPeriods());
    gen.writeNumberField("interval", 80);
    gen.writeNumberField("eligible", f.eligible());
    number(gen, "expectedUpsold", f.expectedUpsold());
    number(gen, "upsoldLow", f.upsoldLow());
    number(gen, "upsoldHigh", f.upsoldHigh());
    number(gen, "expectedRate", f.expectedRate());
    number(gen, "avgUpsoldArr", f.avgUpsoldArr());
    number(gen, "expectedUpsoldArr", f.expectedUpsoldArr());
    number(gen, "upsoldArrLow", f.upsoldArrLow());
    number(gen, "upsoldArrHigh", f.upsoldArrHigh());
    gen.writeArrayFieldStart("buckets");
    for (Forecast.Bucket b : f.buckets()) {
      gen.writeStartObject();
      gen.writeStringField("tenure", b.tenure());
      gen.writeNumberField("windowEligible", b.windowEligible());
      gen.writeNumberField("windowUpsold", b.windowUpsold());
      number(gen, "rate", b.rate());
      gen.writeBooleanField("pooledFromAll", b.pooledFromAll());
      gen.writeNumberField("eligible", b.eligible());
      number(gen, "expectedUpsold", b.expectedUpsold());
      gen.writeEndObject();
    }
    gen.writeEndArray();
    gen.writeObjectFieldStart("backtest");
    gen.writeNumberField("window", f.windowPeriods().size());
    number(gen, "mape", f.backtest().mape());
    number(gen, "intervalCoverage", f.backtest().intervalCoverage());
    gen.writeArrayFieldStart("points");
    for (Forecast.BacktestPoint p : f.backtest().points()) {
      gen.writeStartObject();
      gen.writeStringField("period", p.period());
      gen.writeNumberField("windowPeriods", p.windowPeriods());
      gen.writeNumberField("eligible", p.eligible());
      number(gen, "expectedUpsold", p.expectedUpsold());
      number(gen, "upsoldLow", p.upsoldLow());
      number(gen, "upsoldHigh", p.upsoldHigh());
      gen.writeNumberField("actualUpsold", p.actualUpsold());
      number(gen, "absolutePercentageError", p.absolutePercentageError());
      gen.writeEndObject();
    }
    gen.writeEndArray();
    gen.writeEndObject();
    gen.writeEndObject();
  }

  private static void correlation(Correlation c, JsonGenerator gen) throws IOException {
    gen.writeStartObject();
    gen.writeNumberField("observations", c.observations());
    gen.writeNumberField("withoutScore", c.withoutScore());
    gen.writeNumberField("upsold", c.upsold());
    number(gen, "rate", c.rate());
    number(gen, "pointBiserial", c.pointBiserial());
    number(gen, "meanScoreUpsold", c.meanScoreUpsold());
    number(gen, "meanScoreNotUpsold", c.meanScoreNotUpsold());
    gen.writeArrayFieldStart("buckets");
    for (Correlation.Bucket b : c.buckets()) {
      gen.writeStartObject();
      gen.writeStringField("bucket", b.bucket());
      gen.writeNumberField("eligible", b.eligible());
      gen.writeNumberField("upsold", b.upsold());
      number(gen, "rate", b.rate());
      number(gen, "lift", b.lift());
      gen.writeEndObject();
    }
    gen.writeEndArray();
    gen.writeEndObject();
  }

  private static void initiative(InitiativeImpact i, JsonGenerator gen) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("name", i.name());
    gen.writeStringField("launchDate", i.launchDate().toString());
    gen.writeStringField("segment", i.segment());
    strings(gen, "baselinePeriods", i.baselinePeriods());
    gen.writeNumberField("baselineEligible", i.baselineEligible());
    gen.writeNumberField("baselineUpsold", i.baselineUpsold());
    number(gen, "baselineRate", i.baselineRate());
    strings(gen, "currentPeriods", i.currentPeriods());
    gen.writeNumberField("currentEligible", i.currentEligible());
    gen.writeNumberField("currentUpsold", i.currentUpsold());
    number(gen, "currentRate", i.currentRate());
    number(gen, "improvement", i.improvement());
    number(gen, "avgUpsoldArr", i.avgUpsoldArr());
    number(gen, "arrImpact", i.arrImpact());
    gen.writeEndObject();
  }

  private static void benchmarks(Benchmarks benchmarks, JsonGenerator gen) throws IOException {
    gen.writeStartObject();
    for (Benchmarks.Benchmark b : benchmarks.items()) {
      gen.writeObjectFieldStart(b.metric());
      gen.writeStringField("label", b.label());
      number(gen, "value", b.value());
      gen.writeStringField("basis", b.basis());
      gen.writeStringField("assessment", b.assessment());
      gen.writeArrayFieldStart("definition");
      for (String member : b.definition()) {
        gen.writeString(member);
      }
      gen.writeEndArray();
      if (b.note() == null) {
        gen.writeNullField("note");
      } else {
        gen.writeStringField("note", b.note());
      }
      gen.writeArrayFieldStart("references");
      for (Benchmarks.Reference r : b.references()) {
        gen.writeStartObject();
        gen.writeStringField("label", r.label());
        number(gen, "low", r.low());
        number(gen, "high", r.high());
        gen.writeEndObject();
      }
      gen.writeEndArray();
      gen.writeEndObject();
    }
    gen.writeEndObject();
  }

  private static void signals(Signals signals, JsonGenerator gen) throws IOException {
    gen.writeStartObject();
    for (Signals.Signal s : List.of(signals.upsellUsers(), signals.totalUsers())) {
      gen.writeObjectFieldStart(s.metric());
      gen.writeStringField("status", s.status().label());
      strings(gen, "windowPeriods", s.windowPeriods());
      strings(gen, "reasons", s.reasons());
      gen.writeObjectFieldStart("figures");
      for (Map.Entry<String, BigDecimal> figure : s.figures().entrySet()) {
        number(gen, figure.getKey(), figure.getValue());
      }
      gen.writeEndObject();
      gen.writeEndObject();
    }
    gen.writeEndObject();
  }

  private static void strings(JsonGenerator gen, String name, List<String> values)
      throws IOException {
    gen.writeArrayFieldStart(name);
    for (String value : values) {
      gen.writeString(value);
    }
    gen.writeEndArray();
  }

  /** A number rounded half-even to 2 decimals, counts as integers, or {@code null}. */
  private static void number(JsonGenerator gen, String name, BigDecimal value) throws IOException {
    gen.writeFieldName(name);
    if (value == null) {
      gen.writeNull();
    } else if (value.scale() <= 0) {
      gen.writeNumber(value.toBigIntegerExact());
    } else {
      gen.writeNumber(value.setScale(2, RoundingMode.HALF_EVEN).toPlainString());
    }
  }
}
