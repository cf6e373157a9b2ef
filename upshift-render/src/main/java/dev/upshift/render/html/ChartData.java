package dev.upshift.render.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upshift.analysis.Analysis;
import dev.upshift.analysis.Correlation;
import dev.upshift.analysis.Forecast;
import dev.upshift.analysis.InitiativeImpact;
import dev.upshift.metric.Rates;
import dev.upshift.report.PeriodReport;
import dev.upshift.report.Report;
import dev.upshift.time.Grain;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The numbers the charts draw, as JSON for the {@code <script type="application/json">} element
 * of the page. Internal to the HTML report (not a contract). {@code <}, {@code >}, {@code &},
 * {@code '} and the JavaScript line separators are written as {@code \}{@code uXXXX}, so no string
 * from the data can close the script element.
 */
final class ChartData {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static {
    MAPPER.getFactory().setCharacterEscapes(new ScriptSafeEscapes());
  }

  private ChartData() {}

  static String json(Report report, String symbol) {
    return json(report, symbol, "arr");
  }

  /** As {@link #json(Report, String)}, saying the money is in {@code unit} ({@code arr}, {@code mrr}). */
  static String json(Report report, String symbol, String unit) {
    Map<String, Object> root = new LinkedHashMap<>();
    List<PeriodReport> periods = report.periods();
    root.put("currency", report.currency());
    root.put("symbol", symbol.trim().length() == 1 ? symbol.trim() : symbol);
    root.put("grain", report.grain().code());
    // The money's unit as the page shows it (the report's figures are already in it).
    root.put("unit", unit);
    root.put("periods", periods.stream().map(dev.upshift.render.Labels::period).toList());

    Map<String, Object> bridge = new LinkedHashMap<>();
    bridge.put("starting", series(periods, p -> p.arr().starting()));
    bridge.put("newLogo", series(periods, p -> p.arr().newLogo()));
    bridge.put("reactivation", series(periods, p -> p.arr().reactivation()));
    bridge.put("upsell", series(periods, p -> p.arr().upsell()));
    bridge.put("addOn", series(periods, p -> p.arr().addOnSeats().add(p.arr().addOnPrice())));
    bridge.put("crossSell", series(periods, p -> p.arr().crossSell()));
    bridge.put("downsell", series(periods, p -> p.arr().downsell()));
    bridge.put("reduction", series(periods, p -> p.arr().reductionSeats().add(p.arr().reductionPrice())));
    bridge.put("productChurn", series(periods, p -> p.arr().productChurn()));
    bridge.put("churn", series(periods, p -> p.arr().churn()));
    bridge.put("netNew", series(periods, p -> p.arr().netNew()));
    bridge.put("ending", series(periods, p -> p.arr().ending()));
    root.put("bridge", bridge);

    Map<String, Object> seats = new LinkedHashMap<>();
    seats.put("starting", periods.stream().map(p -> p.seats().starting()).toList());
    seats.put("newSeats", periods.stream().map(p -> p.seats().newSeats()).toList());
    seats.put("expansion", periods.stream().map(p -> p.seats().expansion()).toList());
    seats.put("churned", periods.stream().map(p -> p.seats().churned()).toList());
    seats.put("downgraded", periods.stream().map(p -> p.seats().downgraded()).toList());
    seats.put("ending", periods.stream().map(p -> p.seats().ending()).toList());
    root.put("seats", seats);
    root.put("logos", Map.of("ending", periods.stream().map(p -> p.logos().ending()).toList()));

    Map<String, Object> upsell = new LinkedHashMap<>();
    upsell.put("users", periods.stream().map(PeriodReport::upsellUsers).toList());
    upsell.put("share", series(periods, p -> p.ratios().upsellUsersShareOfLogos()));
    upsell.put("rate", series(periods, p -> p.upsellRate().rate()));
    upsell.put("qtdRate", series(periods, p -> p.upsellRate().qtdRate()));
    upsell.put("target", series(periods, p -> p.upsellRate().target()));
    upsell.put("status", periods.stream().map(p -> p.upsellRate().status()).toList());
    // Monthly rows are judged on the quarter to date, except over a window, which has none.
    upsell.put("quarterToDate",
        report.grain() == Grain.MONTH && report.config().rateWindow() == null);
    upsell.put("rateLabel", report.config().overWindow("Upsell rate"));
    root.put("upsell", upsell);

    root.put("segments", segments(report));
    Analysis analysis = report.analysis();
    if (analysis != null) {
      root.put("forecast", forecast(periods, analysis.forecast()));
      root.put("health", health(analysis.correlation()));
      root.put("initiatives", initiatives(analysis.initiatives()));
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Double> series(List<PeriodReport> periods, Function<PeriodReport, BigDecimal> value) {
    List<Double> out = new ArrayList<>(periods.size());
    for (PeriodReport p : periods) {
      out.add(number(value.apply(p)));
    }
    return out;
  }

  private static Double number(BigDecimal value) {
    return value == null ? null : value.setScale(2, RoundingMode.HALF_EVEN).doubleValue();
  }

  private static Map<String, Object> segments(Report report) {
    List<String> labels = new ArrayList<>();
    List<Double> latest = new ArrayList<>();
    List<Double> range = new ArrayList<>();
    for (String dimension : List.of("tenure", "initial_arr", "health")) {
      Map<String, List<PeriodReport>> values = report.segments().get(dimension);
      if (values == null) {
        continue;
      }
      List<String> keys = new ArrayList<>(values.keySet());
      if (dimension.equals("health")) {
        List<String> order = List.of("High", "Medium", "Low", "Unknown");
        keys.sort((a, b) -> Integer.compare(order.indexOf(a), order.indexOf(b)));
      } else {
        keys.sort((a, b) -> Double.compare(lowerBound(a), lowerBound(b)));
      }
      String prefix = switch (dimension) {
        case "tenure" -> "Tenure ";
        case "initial_arr" -> "Initial ARR ";
        default -> "Health ";
      };
      for (String key : keys) {
        List<PeriodReport> list = values.get(key);
        labels.add(prefix + key);
        latest.add(number(list.get(list.size() - 1).upsellRate().rate()));
        long e = list.stream().mapToLong(p -> p.upsellRate().eligible()).sum();
        long u = list.stream().mapToLong(p -> p.upsellRate().upsold()).sum();
        range.add(number(Rates.percent(u, e)));
      }
    }
    List<PeriodReport> periods = report.periods();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("labels", labels);
    out.put("latest", latest);
    out.put("range", range);
    out.put("latestLabel", periods.get(periods.size() - 1).period());
    out.put("rangeLabel", periods.get(0).period() + " – " + periods.get(periods.size() - 1).period());
    return out;
  }

  private static double lowerBound(String label) {
    if (label.startsWith("<")) {
      return -1;
    }
    String head = label.startsWith(">") ? label.substring(1) : label.split("[-+]")[0];
    try {
      double factor = head.endsWith("K") ? 1e3 : head.endsWith("M") ? 1e6 : 1;
      return Double.parseDouble(head.replaceAll("[KM]$", "")) * factor + (label.startsWith(">") ? 0.5 : 0);
    } catch (NumberFormatException e) {
      return Double.MAX_VALUE;
    }
  }

  /** The last 12 periods' actual upsold, the back-test and the next period's forecast. */
  private static Map<String, Object> forecast(List<PeriodReport> periods, Forecast f) {
    int from = Math.max(0, periods.size() - 12);
    List<String> labels = new ArrayList<>();
    List<Long> actual = new ArrayList<>();
    List<Double> expected = new ArrayList<>();
    List<List<Double>> interval = new ArrayList<>();
    Map<String, Forecast.BacktestPoint> points = new LinkedHashMap<>();
    f.backtest().points().forEach(p -> points.put(p.period(), p));
    for (PeriodReport p : periods.subList(from, periods.size())) {
      labels.add(p.period());
      actual.add(p.upsellRate().upsold());
      Forecast.BacktestPoint point = points.get(p.period());
      expected.add(point == null ? null : number(point.expectedUpsold()));
      interval.add(point == null ? null
          : List.of(number(point.upsoldLow()), number(point.upsoldHigh())));
    }
    labels.add(f.period() + " (forecast)");
    actual.add(null);
    expected.add(number(f.expectedUpsold()));
    interval.add(f.upsoldLow() == null ? null
        : List.of(number(f.upsoldLow()), number(f.upsoldHigh())));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("periods", labels);
    out.put("actual", actual);
    out.put("expected", expected);
    out.put("interval", interval);
    return out;
  }

  private static Map<String, Object> health(Correlation c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("buckets", c.buckets().stream().map(Correlation.Bucket::bucket).toList());
    out.put("rates", c.buckets().stream().map(b -> number(b.rate())).toList());
    out.put("overall", number(c.rate()));
    return out;
  }

  private static Map<String, Object> initiatives(List<InitiativeImpact> impacts) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("names", impacts.stream().map(InitiativeImpact::name).toList());
    out.put("baseline", impacts.stream().map(i -> number(i.baselineRate())).toList());
    out.put("current", impacts.stream().map(i -> number(i.currentRate())).toList());
    return out;
  }

  /** Escapes what could end or confuse a script element, besides JSON's own escapes. */
  private static final class ScriptSafeEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] escapes;

    ScriptSafeEscapes() {
      escapes = standardAsciiEscapesForJSON();
      for (char c : new char[] {'<', '>', '&', '\''}) {
        escapes[c] = ESCAPE_STANDARD;
      }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (ch == 0x2028 || ch == 0x2029) {
        return new com.fasterxml.jackson.core.io.SerializedString(
            String.format(java.util.Locale.ROOT, "\\u%04x", ch));
      }
      return null;
    }
  }
}
