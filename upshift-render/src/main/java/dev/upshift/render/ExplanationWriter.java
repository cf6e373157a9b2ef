package dev.upshift.render;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.upshift.explain.CustomerExplanation;
import dev.upshift.explain.LineChange;
import dev.upshift.explain.PeriodExplanation;
import dev.upshift.explain.WindowExplanation;
import dev.upshift.input.Phase;
import dev.upshift.io.report.Formats;
import dev.upshift.metric.CustomerPeriod;
import dev.upshift.money.Micros;
import dev.upshift.movement.Component;
import dev.upshift.movement.Movement;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes a {@link CustomerExplanation}: the output of {@code upshift explain}, what a person reads to
 * answer "why is this customer an upsell in March?". Stateless.
 *
 * <p>The text form starts with the customer's facts (first active date, initial ARR, and with
 * {@code --rate-window} the onboarding window: its dates, the period it counts in and the movement
 * across it, laid out as a period's), then walks the periods. A period with something to explain
 * gets a line with its status, ARR and seats at both ends, then its non-zero ARR components (and
 * the ramp part of an upsell), whether the customer is an Upsell User, eligible and upsold (with
 * the upsold ARR), and finally each subscription line whose phase differs between the two
 * snapshots, before → after, with the source line of each phase:
 *
 * <pre>
 * 2026-03  retained: ARR 50,000.00 → 68,000.00 (+18,000.00); seats 100 → 100 (0)
 *     upsell +18,000.00
 *     Upsell User: no; eligible: yes; upsold: yes (upsold ARR 18,000.00)
 *     line L1: Standard tier 1, 100 seats, 50,000.00 ARR from 2025-01-01 until 2026-03-15
 *       (subscriptions.csv line 2) → Enterprise tier 2, … (subscriptions.csv line 3)
 * </pre>
 *
 * (the last entry is one line in the output). A <em>quiet</em> period — no line change, no ARR
 * component, no seat change and not upsold — gets a one-line summary instead ({@code not active},
 * or {@code retained, no movement: ARR …, N seats; eligible, not upsold}), and consecutive quiet
 * periods with the same summary are merged into one line ({@code 2026-04 to 2026-09  …}), so a
 * long quiet stretch costs one line and no period is silently skipped.
 *
 * <p>Movements in prose carry an explicit sign ({@code +18,000.00}, {@code -40,000.00}); levels are
 * formatted like the table ({@link Formats}). Lines end with {@code \n}.
 *
 * <p>The JSON form ({@link #writeJson}) lists every period, quiet or not, with stable field names;
 * money is a JSON number rounded half-even to 2 decimals.
 */
public final class ExplanationWriter {
  /** Where phases come from unless the caller names another source. */
  public static final String DEFAULT_SOURCE = "subscriptions.csv";
  /** The {@code schema} of the JSON form. */
  public static final String JSON_SCHEMA = "upshift.explanation/v1";

  private static final String NL = "\n";
  private static final String INDENT = "    ";
  private static final Component[] COMPONENTS = Component.values();

  private static final JsonFactory JSON = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .build();

  private ExplanationWriter() {}

  /**
   * Writes the text explanation, naming phases' source lines in {@value #DEFAULT_SOURCE}.
   *
   * @param currency the reporting currency, shown with the facts
   * @throws IOException when {@code out} fails
   */
  public static void write(CustomerExplanation explanation, String currency, Writer out)
      throws IOException {
    write(explanation, currency, DEFAULT_SOURCE, out);
  }

  /**
   * Writes the text explanation to {@code out} (which is neither flushed nor closed).
   *
   * @param source the name shown with each phase's line number, e.g. {@code subscriptions.csv}
   * @throws IOException when {@code out} fails
   */
  public static void write(CustomerExplanation explanation, String currency, String source,
      Writer out) throws IOException {
    requireNonNull(explanation, "explanation is null");
    requireNonNull(currency, "currency is null");
    requireNonNull(source, "source is null");
    requireNonNull(out, "out is null");
    StringBuilder text = new StringBuilder(2048);
    text.append("Customer ").append(explanation.customerId()).append(NL);
    if (explanation.firstActiveDate() == null) {
      text.append("First active  never").append(NL);
    } else {
      text.append("First active  ").append(explanation.firstActiveDate()).append(NL);
      text.append("Initial ARR   ").append(Formats.amount(explanation.initialArrMicros()))
          .append(' ').append(currency).append(NL);
    }
    if (explanation.window() != null) {
      window(explanation.window(), source, text);
    }
    text.append(NL);
    List<PeriodExplanation> periods = explanation.periods();
    int i = 0;
    while (i < periods.size()) {
      PeriodExplanation period = periods.get(i);
      String quiet = quietSummary(period);
      if (quiet == null) {
        active(period, source, text);
        i++;
        continue;
      }
      int last = i;
      while (last + 1 < periods.size()
          && quiet.equals(quietSummary(periods.get(last + 1)))) {
        last++;
      }
      String label = period.period().label();
      if (last > i) {
        label += " to " + periods.get(last).period().label();
      }
      text.append(label).append("  ").append(quiet).append(NL);
      i = last + 1;
    }
    out.append(text);
  }

  /** The one-line summary of a quiet period, or {@code null} when it has something to explain. */
  private static String quietSummary(PeriodExplanation period) {
    CustomerPeriod row = period.row();
    Movement m = row.movement();
    if (!period.changes().isEmpty() || row.upsold() || m.seats0() != m.seats1()) {
      return null;
    }
    for (Component component : COMPONENTS) {
      if (m.component(component) != 0) {
        return null;
      }
    }
    if (m.status() == null) {
      // Only an onboarding window counts a customer eligible without ARR at either end.
      return row.eligible() ? "not active; eligible (rate window), not upsold" : "not active";
    }
    return m.status().code() + ", no movement: ARR " + Formats.amount(m.arr1()) + ", "
        + seats(m.seats1()) + "; " + (row.eligible() ? "eligible, not upsold" : "not eligible");
  }

  private static void active(PeriodExplanation period, String source, StringBuilder text) {
    CustomerPeriod row = period.row();
    movement(period.period().label(), row.movement(), row.eligible(), row.upsold(),
        row.upsoldArr(), period.changes(), source, text);
  }

  /**
   * The onboarding window (§5.5): its dates and where it counts, then its movement as a period's:
   *
   * <pre>
   * Rate window   first 90 days, 2026-01-10 to 2026-04-10: counted in 2026-04
   * window  retained: ARR 10,000.00 → 15,000.00 (+5,000.00); seats 10 → 15 (+5)
   *     add-on seats +5,000.00
   *     Upsell User: yes; eligible: yes; upsold: yes (upsold ARR 5,000.00)
   *     line …
   * </pre>
   */
  private static void window(WindowExplanation window, String source, StringBuilder text) {
    text.append("Rate window   ").append(window.window().label());
    if (window.start() == null) {
      text.append(": none, never active").append(NL);
      return;
    }
    text.append(", ").append(window.start()).append(" to ").append(window.end()).append(": ")
        .append(window.countedIn() == null ? "ends outside the reported periods, counted in none"
            : "counted in " + window.countedIn().label())
        .append(NL);
    movement("window", window.movement(), window.eligible(), window.upsold(),
        window.upsoldArrMicros(), window.changes(), source, text);
  }

  /** A movement with something to explain: status and totals, components, flags, line changes. */
  private static void movement(String label, Movement m, boolean eligible, boolean upsold,
      long upsoldArr, List<LineChange> changes, String source, StringBuilder text) {
    text.append(label).append("  ")
        .append(m.status() == null ? "not active" : m.status().code())
        .append(": ARR ").append(Formats.amount(m.arr0())).append(" → ")
        .append(Formats.amount(m.arr1())).append(" (").append(Formats.signedAmount(m.netNew()))
        .append("); seats ").append(Formats.count(m.seats0())).append(" → ")
        .append(Formats.count(m.seats1())).append(" (")
        .append(Formats.signedCount(m.seats1() - m.seats0())).append(')').append(NL);
    List<String> parts = new ArrayList<>();
    for (Component component : COMPONENTS) {
      long amount = m.component(component);
      if (amount != 0) {
        String part = Formats.label(component).toLowerCase(Locale.ROOT) + " "
            + Formats.signedAmount(amount);
        if (component == Component.UPSELL && m.upsellRamp() != 0) {
          part += " (of which ramp " + Formats.signedAmount(m.upsellRamp()) + ")";
        }
        parts.add(part);
      }
    }
    if (!parts.isEmpty()) {
      text.append(INDENT).append(String.join(", ", parts)).append(NL);
    }
    text.append(INDENT).append("Upsell User: ").append(Formats.yesNo(m.upsellUser()))
        .append("; eligible: ").append(Formats.yesNo(eligible))
        .append("; upsold: ").append(Formats.yesNo(upsold));
    if (upsold) {
      text.append(" (upsold expansion ARR ").append(Formats.amount(upsoldArr)).append(')');
    }
    text.append(NL);
    for (LineChange change : changes) {
      text.append(INDENT).append("line ").append(change.lineId()).append(": ")
          .append(describe(change.before(), source)).append(" → ")
          .append(describe(change.after(), source)).append(NL);
    }
  }

  /** {@code Standard tier 2, 100 seats, 50,000.00 ARR from … (subscriptions.csv line 14)}. */
  private static String describe(Phase phase, String source) {
    if (phase == null) {
      return "(none)";
    }
    StringBuilder d = new StringBuilder();
    d.append(name(phase));
    if (phase.tier() != null) {
      d.append(" tier ").append(phase.tier());
    }
    d.append(", ").append(seats(phase.seats())).append(", ")
        .append(Formats.amount(phase.arrMicros())).append(" ARR from ").append(phase.start());
    if (phase.end() != null) {
      d.append(" until ").append(phase.end());
    }
    if (!phase.signed().equals(phase.start())) {
      d.append(", signed ").append(phase.signed());
    }
    if (phase.cancelSigned() != null && !phase.cancelSigned().equals(phase.end())) {
      d.append(", ending signed ").append(phase.cancelSigned());
    }
    return d.append(" (").append(source).append(" line ").append(phase.line()).append(')')
        .toString();
  }

  /** The plan, prefixed by its product unless the product is the default one. */
  private static String name(Phase phase) {
    boolean defaultProduct = phase.product().equals("default");
    if (phase.plan() == null || phase.plan().isEmpty()) {
      return defaultProduct ? "no plan" : phase.product();
    }
    return defaultProduct ? phase.plan() : phase.product() + " " + phase.plan();
  }

  private static String seats(long seats) {
    return Formats.count(seats) + (seats == 1 ? " seat" : " seats");
  }

  // -------------------------------------------------------------------------------------- JSON

  /**
   * Writes the explanation as JSON to {@code out} (which is neither flushed nor closed):
   *
   * <pre>{@code
   * { "schema": "upshift.explanation/v1", "customerId": "C", "firstActiveDate": "2025-01-01",
   *   "initialArr": 50000.00,
   *   "rateWindow": null,
   *   "periods": [ { "period": "2026-03", "start": "2026-03-01", "end": "2026-03-31",
   *     "status": "retained",
   *     "arr": { "starting", "ending", <each component>, "upsellRamp", "expansion",
   *              "contraction", "netNew" },
   *     "seats": { "starting", "ending", "movement" },
   *     "upsellUser": false, "eligible": true, "upsold": true, "upsoldArr": 18000.00,
   *     "changes": [ { "lineId": "L1",
   *        "before": { "line": 2, "product", "plan", "tier", "seats", "arr", "start", "end",
   *                    "signed", "cancelSigned" },
   *        "after": { … } } ] } ] }
   * }</pre>
   *
   * With {@code --rate-window onboarding:N}, {@code rateWindow} is the customer's window: {@code
   * { "window": "onboarding:90", "start", "end", "countedIn": "2026-04" }} (the reported period
   * holding the window's end, {@code null} when none does) followed by the fields of a period's
   * movement, from {@code status} to {@code changes}, measured from its start to its end.
   *
   * <p>Every field is always present ({@code null} where unknown: a missing phase, plan, tier or
   * date, a customer that never was active, whose window has no dates, status, arr or seats).
   *
   * @throws IOException when {@code out} fails
   */
  public static void writeJson(CustomerExplanation explanation, Writer out) throws IOException {
    writeJson(explanation, null, out);
  }

  /**
   * As {@link #writeJson(CustomerExplanation, Writer)}, each phase cited by the id of the record it
   * was read from ({@code "id": "p-17"}) instead of its line: the service's phases come from
   * records, not from a file a person can open.
   *
   * @param recordIdOfLine the id of the record a phase's line was read from, or {@code null} to
   *     cite lines
   */
  public static void writeJson(CustomerExplanation explanation,
      java.util.function.LongFunction<String> recordIdOfLine, Writer out) throws IOException {
    requireNonNull(explanation, "explanation is null");
    requireNonNull(out, "out is null");
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    pretty.indentObjectsWith(indenter);
    pretty.indentArraysWith(indenter);
    try (JsonGenerator json = JSON.createGenerator(out).setPrettyPrinter(pretty)) {
      json.writeStartObject();
      json.writeStringField("schema", JSON_SCHEMA);
      json.writeStringField("customerId", explanation.customerId());
      date(json, "firstActiveDate", explanation.firstActiveDate());
      if (explanation.firstActiveDate() == null) {
        json.writeNullField("initialArr");
      } else {
        money(json, "initialArr", explanation.initialArrMicros());
      }
      window(json, explanation.window(), recordIdOfLine);
      json.writeArrayFieldStart("periods");
      for (PeriodExplanation period : explanation.periods()) {
        period(json, period, recordIdOfLine);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    out.write(NL);
  }

  private static void period(JsonGenerator json, PeriodExplanation period,
      java.util.function.LongFunction<String> recordIdOfLine) throws IOException {
    CustomerPeriod row = period.row();
    json.writeStartObject();
    json.writeStringField("period", period.period().label());
    date(json, "start", period.period().start());
    date(json, "end", period.period().end());
    movement(json, row.movement(), row.eligible(), row.upsold(), row.upsoldArr(),
        period.changes(), recordIdOfLine);
    json.writeEndObject();
  }

  /** {@code rateWindow}: {@code null} unless the report measures the rate over a window. */
  private static void window(JsonGenerator json, WindowExplanation window,
      java.util.function.LongFunction<String> recordIdOfLine) throws IOException {
    if (window == null) {
      json.writeNullField("rateWindow");
      return;
    }
    json.writeObjectFieldStart("rateWindow");
    json.writeStringField("window", window.window().code());
    date(json, "start", window.start());
    date(json, "end", window.end());
    json.writeStringField("countedIn",
        window.countedIn() == null ? null : window.countedIn().label());
    if (window.movement() == null) { // never active: no movement to show
      json.writeNullField("status");
      json.writeNullField("arr");
      json.writeNullField("seats");
      json.writeBooleanField("upsellUser", false);
      json.writeBooleanField("eligible", false);
      json.writeBooleanField("upsold", false);
      money(json, "upsoldArr", 0);
      json.writeArrayFieldStart("changes");
      json.writeEndArray();
    } else {
      movement(json, window.movement(), window.eligible(), window.upsold(),
          window.upsoldArrMicros(), window.changes(), recordIdOfLine);
    }
    json.writeEndObject();
  }

  /** The fields of a movement: status, arr, seats, flags, upsold ARR and the line changes. */
  private static void movement(JsonGenerator json, Movement m, boolean eligible, boolean upsold,
      long upsoldArr, List<LineChange> changes,
      java.util.function.LongFunction<String> recordIdOfLine) throws IOException {
    json.writeStringField("status", m.status() == null ? null : m.status().code());
    json.writeObjectFieldStart("arr");
    money(json, "starting", m.arr0());
    money(json, "ending", m.arr1());
    for (Component component : COMPONENTS) {
      money(json, component.jsonName(), m.component(component));
      if (component == Component.UPSELL) {
        money(json, "upsellRamp", m.upsellRamp());
      }
    }
    money(json, "expansion", m.expansion());
    money(json, "contraction", m.contraction());
    money(json, "netNew", m.netNew());
    json.writeEndObject();
    json.writeObjectFieldStart("seats");
    json.writeNumberField("starting", m.seats0());
    json.writeNumberField("ending", m.seats1());
    json.writeNumberField("movement", m.seats1() - m.seats0());
    json.writeEndObject();
    json.writeBooleanField("upsellUser", m.upsellUser());
    json.writeBooleanField("eligible", eligible);
    json.writeBooleanField("upsold", upsold);
    money(json, "upsoldArr", upsoldArr);
    json.writeArrayFieldStart("changes");
    for (LineChange change : changes) {
      json.writeStartObject();
      json.writeStringField("lineId", change.lineId());
      phase(json, "before", change.before(), recordIdOfLine);
      phase(json, "after", change.after(), recordIdOfLine);
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void phase(JsonGenerator json, String name, Phase phase,
      java.util.function.LongFunction<String> recordIdOfLine) throws IOException {
    if (phase == null) {
      json.writeNullField(name);
      return;
    }
    json.writeObjectFieldStart(name);
    if (recordIdOfLine == null) {
      json.writeNumberField("line", phase.line());
    } else {
      json.writeStringField("id", recordIdOfLine.apply(phase.line()));
    }
    json.writeStringField("product", phase.product());
    json.writeStringField("plan", phase.plan());
    if (phase.tier() == null) {
      json.writeNullField("tier");
    } else {
      json.writeNumberField("tier", phase.tier());
    }
    json.writeNumberField("seats", phase.seats());
    money(json, "arr", phase.arrMicros());
    date(json, "start", phase.start());
    date(json, "end", phase.end());
    date(json, "signed", phase.signed());
    date(json, "cancelSigned", phase.cancelSigned());
    json.writeEndObject();
  }

  private static void money(JsonGenerator json, String name, long micros) throws IOException {
    json.writeNumberField(name, Micros.toReported(micros));
  }

  private static void date(JsonGenerator json, String name, LocalDate date) throws IOException {
    json.writeStringField(name, Objects.toString(date, null));
  }
}
