package dev.upshift.io.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.upshift.report.ArrBridge;
import dev.upshift.report.Coverage;
import dev.upshift.report.InputInfo;
import dev.upshift.report.PeriodReport;
import dev.upshift.report.Report;
import dev.upshift.report.ReportConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Report} as the JSON of SPEC §7.2, the stable contract: field names and order as
 * specified, money and rates as numbers rounded half-even to 2 decimals, counts as integers,
 * {@code null} where a figure is undefined. A report with an analysis adds its sections at the top
 * level ({@link AnalysisJson}). Stateless.
 */
public final class JsonReportWriter {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonReportWriter() {}

  /** Writes the report, pretty-printed, to a stream (UTF-8). */
  public static void write(Report report, OutputStream out) {
    try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      write(report, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the report, pretty-printed, to a stream (UTF-8), with more top-level number fields after
   * {@code schema}: the service adds the {@code dataVersion} the report was computed at (§8.4).
   */
  public static void write(Report report, Map<String, Long> extraFields, OutputStream out) {
    try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      write(report, extraFields, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the report, pretty-printed, to a writer. */
  public static void write(Report report, Writer out) {
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      write(report, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Report report, JsonGenerator json) throws IOException {
    write(report, Map.of(), json);
  }

  private static void write(Report report, Map<String, Long> extraFields, JsonGenerator json)
      throws IOException {
    json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
    json.setPrettyPrinter(new DefaultPrettyPrinter());
    json.writeStartObject();
    json.writeStringField("schema", report.schema());
    for (Map.Entry<String, Long> field : extraFields.entrySet()) {
      json.writeNumberField(field.getKey(), field.getValue());
    }
    json.writeStringField("currency", report.currency());
    // Money in this file is always ARR (§7.2); --unit mrr changes the other formats only.
    json.writeStringField("unit", "arr");
    json.writeStringField("grain", report.grain().code());
    json.writeStringField("book", report.book().code());
    config(json, report.config());
    input(json, report);
    json.writeArrayFieldStart("periods");
    for (PeriodReport period : report.periods()) {
      period(json, period);
    }
    json.writeEndArray();
    json.writeObjectFieldStart("segments");
    for (Map.Entry<String, Map<String, List<PeriodReport>>> dimension : report.segments().entrySet()) {
      json.writeObjectFieldStart(dimension.getKey());
      for (Map.Entry<String, List<PeriodReport>> value : dimension.getValue().entrySet()) {
        json.writeArrayFieldStart(value.getKey());
        for (PeriodReport period : value.getValue()) {
          period(json, period);
        }
        json.writeEndArray();
      }
      json.writeEndObject();
    }
    json.writeEndObject();
    if (report.analysis() != null) {
      AnalysisJson.writeSections(report.analysis(), json);
    }
    json.writeEndObject();
    json.writeRaw('\n');
  }

  private static void config(JsonGenerator json, ReportConfig config) throws IOException {
    json.writeObjectFieldStart("config");
    json.writeArrayFieldStart("upsellDefinition");
    for (String member : config.upsellDefinition()) {
      json.writeString(member);
    }
    json.writeEndArray();
    json.writeStringField("rateCounting", config.rateCounting());
    json.writeNumberField("minTenureMonths", config.minTenureMonths());
    json.writeBooleanField("excludeTopTier", config.excludeTopTier());
    json.writeNumberField("minExpansionArr", plain(config.minExpansionArr()));
    if (config.where() == null) {
      json.writeNullField("where");
    } else {
      json.writeStringField("where", config.where());
    }
    json.writeNumberField("fiscalYearStart", config.fiscalYearStart());
    if (config.openingBalance() == null) {
      json.writeNullField("openingBalance");
    } else {
      json.writeStringField("openingBalance", config.openingBalance().toString());
    }
    if (config.rateWindow() == null) {
      json.writeNullField("rateWindow");
    } else {
      json.writeStringField("rateWindow", config.rateWindow().code()); // as typed: onboarding:90
    }
    json.writeArrayFieldStart("by");
    for (String dimension : config.by()) {
      json.writeString(dimension);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("tenureEdges");
    for (int edge : config.tenureEdges()) {
      json.writeNumber(edge);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("initialArrEdges");
    for (BigDecimal edge : config.initialArrEdges()) {
      json.writeNumber(plain(edge));
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void input(JsonGenerator json, Report report) throws IOException {
    var input = report.input();
    json.writeObjectFieldStart("input");
    json.writeNumberField("rows", input.rows());
    json.writeNumberField("billableRows", input.billableRows());
    json.writeObjectFieldStart("ignoredRows");
    for (Map.Entry<String, Long> entry : input.ignoredRows().entrySet()) {
      json.writeNumberField(entry.getKey(), entry.getValue());
    }
    json.writeEndObject();
    json.writeNumberField("rejectedRows", input.rejectedRows());
    json.writeNumberField("inferredTierDirections", input.inferredTierDirections());
    InputInfo.Reading reading = input.reading();
    if (!reading.asSpecified()) {
      // Additive (§7.2 allows more fields): only an export read differently from §1 has it.
      json.writeObjectFieldStart("reading");
      json.writeObjectFieldStart("mappedColumns");
      for (Map.Entry<String, String> entry : reading.mappedColumns().entrySet()) {
        json.writeStringField(entry.getKey(), entry.getValue());
      }
      json.writeEndObject();
      json.writeArrayFieldStart("ignoredColumns");
      for (String column : reading.ignoredColumns()) {
        json.writeString(column);
      }
      json.writeEndArray();
      json.writeStringField("endDates", reading.inclusiveEndDates() ? "inclusive" : "exclusive");
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  private static void period(JsonGenerator json, PeriodReport p) throws IOException {
    json.writeStartObject();
    json.writeStringField("period", p.period());
    json.writeStringField("start", p.start().toString());
    json.writeStringField("end", p.end().toString());
    arr(json, p.arr());

    json.writeObjectFieldStart("logos");
    json.writeNumberField("starting", p.logos().starting());
    json.writeNumberField("new", p.logos().newLogos());
    json.writeNumberField("reactivated", p.logos().reactivated());
    json.writeNumberField("churned", p.logos().churned());
    json.writeNumberField("ending", p.logos().ending());
    json.writeEndObject();

    var c = p.customers();
    json.writeObjectFieldStart("customers");
    json.writeNumberField("upsell", c.upsell());
    json.writeNumberField("addOnSeats", c.addOnSeats());
    json.writeNumberField("addOnPrice", c.addOnPrice());
    json.writeNumberField("crossSell", c.crossSell());
    json.writeNumberField("downsell", c.downsell());
    json.writeNumberField("reductionSeats", c.reductionSeats());
    json.writeNumberField("reductionPrice", c.reductionPrice());
    json.writeNumberField("productChurn", c.productChurn());
    json.writeEndObject();

    var s = p.seats();
    json.writeObjectFieldStart("seats");
    json.writeNumberField("starting", s.starting());
    json.writeNumberField("new", s.newSeats());
    json.writeNumberField("expansion", s.expansion());
    json.writeNumberField("churned", s.churned());
    json.writeNumberField("downgraded", s.downgraded());
    json.writeNumberField("ending", s.ending());
    json.writeEndObject();

    json.writeNumberField("upsellUsers", p.upsellUsers());
    json.writeNumberField("upsellUsersT3", p.upsellUsersT3());
    json.writeNumberField("upsellUsersT12", p.upsellUsersT12());

    var r = p.upsellRate();
    json.writeObjectFieldStart("upsellRate");
    json.writeNumberField("eligible", r.eligible());
    json.writeNumberField("upsold", r.upsold());
    number(json, "rate", r.rate());
    number(json, "upsoldArr", r.upsoldArr());
    number(json, "avgUpsoldArr", r.avgUpsoldArr());
    count(json, "qtdEligible", r.qtdEligible());
    count(json, "qtdUpsold", r.qtdUpsold());
    number(json, "qtdRate", r.qtdRate());
    number(json, "target", r.target());
    if (r.status() == null) {
      json.writeNullField("status");
    } else {
      json.writeStringField("status", r.status());
    }
    json.writeEndObject();

    json.writeObjectFieldStart("retention");
    number(json, "nrr", p.retention().nrr());
    number(json, "grr", p.retention().grr());
    number(json, "nrr12m", p.retention().nrr12m());
    number(json, "grr12m", p.retention().grr12m());
    json.writeEndObject();

    json.writeObjectFieldStart("ratios");
    number(json, "seatsPerLogo", p.ratios().seatsPerLogo());
    number(json, "arpa", p.ratios().arpa());
    number(json, "arpu", p.ratios().arpu());
    number(json, "upsellUsersShareOfLogos", p.ratios().upsellUsersShareOfLogos());
    number(json, "upsellUsersPer1000Seats", p.ratios().upsellUsersPer1000Seats());
    json.writeEndObject();

    json.writeObjectFieldStart("growth");
    number(json, "endingArr", p.growth().endingArr());
    number(json, "endingSeats", p.growth().endingSeats());
    number(json, "upsellUsers", p.growth().upsellUsers());
    number(json, "upsellArr", p.growth().upsellArr());
    json.writeEndObject();
    coverage(json, p.coverage());
    json.writeEndObject();
  }

  /** How much of the period the data covers ({@link Coverage}); additive to §7.2. */
  private static void coverage(JsonGenerator json, Coverage c) throws IOException {
    json.writeObjectFieldStart("coverage");
    if (c.from() == null) {
      json.writeNullField("from");
      json.writeNullField("through");
    } else {
      json.writeStringField("from", c.from().toString());
      json.writeStringField("through", c.through().toString());
    }
    json.writeNumberField("days", c.days());
    json.writeNumberField("ofDays", c.ofDays());
    json.writeBooleanField("opening", c.opening());
    json.writeBooleanField("partial", c.partial());
    json.writeEndObject();
  }

  private static void arr(JsonGenerator json, ArrBridge a) throws IOException {
    json.writeObjectFieldStart("arr");
    number(json, "starting", a.starting());
    number(json, "newLogo", a.newLogo());
    number(json, "reactivation", a.reactivation());
    number(json, "upsell", a.upsell());
    number(json, "upsellRamp", a.upsellRamp());
    number(json, "addOnSeats", a.addOnSeats());
    number(json, "addOnPrice", a.addOnPrice());
    number(json, "crossSell", a.crossSell());
    number(json, "downsell", a.downsell());
    number(json, "reductionSeats", a.reductionSeats());
    number(json, "reductionPrice", a.reductionPrice());
    number(json, "productChurn", a.productChurn());
    number(json, "churn", a.churn());
    number(json, "expansion", a.expansion());
    number(json, "contraction", a.contraction());
    number(json, "netNew", a.netNew());
    number(json, "ending", a.ending());
    json.writeEndObject();
  }

  /** A non-count figure, rounded half-even to 2 decimals from its exact value (§10). */
  private static void number(JsonGenerator json, String name, BigDecimal value) throws IOException {
    if (value == null) {
      json.writeNullField(name);
    } else {
      json.writeNumberField(name, value.setScale(2, RoundingMode.HALF_EVEN));
    }
  }

  /** A configured amount as typed: {@code 0}, {@code 1000}, {@code 99.5} (never {@code 1E+3}). */
  private static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static void count(JsonGenerator json, String name, Long value) throws IOException {
    if (value == null) {
      json.writeNullField(name);
    } else {
      json.writeNumberField(name, value);
    }
  }
}
