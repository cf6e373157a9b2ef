package dev.upshift.sample;

import static java.util.Objects.requireNonNull;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Writes a deterministic, realistic sample dataset in the SPEC §1 formats: {@code
 * subscriptions.csv}, {@code customers.csv}, {@code plans.csv}, {@code health.csv}, {@code
 * targets.csv}, {@code fx.csv} and {@code initiatives.csv}. See the package documentation for what it simulates.
 *
 * <p>The same {@link SampleOptions} always give byte-identical files: every random draw comes from
 * the seed, never from the clock. Customers are generated one at a time and streamed out, so memory
 * use does not grow with the number of customers. Files are UTF-8 with {@code \n} line ends and no
 * BOM. Instances are immutable and may be shared; each {@code write} call is independent.
 *
 * <pre>{@code
 * SampleSummary summary = SampleGenerator.of(SampleOptions.of(300, 24, 42)).writeTo(Path.of("demo"));
 * }</pre>
 */
public final class SampleGenerator {
  /** Customers' rows are gathered in memory up to about this many characters per file. */
  private static final int FLUSH_AT = 1 << 16;

  private final SampleOptions options;

  private SampleGenerator(SampleOptions options) {
    this.options = requireNonNull(options, "options is null");
  }

  public static SampleGenerator of(SampleOptions options) {
    return new SampleGenerator(options);
  }

  public SampleOptions options() {
    return options;
  }

  /** Where the generator writes: one {@link Writer} per file. */
  @FunctionalInterface
  public interface Output {
    /** Opens the writer of one file; the generator closes it when the file is complete. */
    Writer open(SampleFile file) throws IOException;
  }

  /**
   * Writes every file into a directory, creating it when needed and replacing files of the same
   * names.
   */
  public SampleSummary writeTo(Path directory) throws IOException {
    Files.createDirectories(directory);
    return write(file -> new BufferedWriter(new OutputStreamWriter(
        Files.newOutputStream(directory.resolve(file.fileName())), StandardCharsets.UTF_8), 1 << 16));
  }

  /** Generates every file in memory: for tests and small datasets. */
  public Map<SampleFile, String> toStrings() {
    Map<SampleFile, StringWriter> writers = new EnumMap<>(SampleFile.class);
    try {
      write(file -> writers.computeIfAbsent(file, f -> new StringWriter()));
    } catch (IOException e) {
      throw new UncheckedIOException("a StringWriter failed", e);
    }
    Map<SampleFile, String> texts = new EnumMap<>(SampleFile.class);
    writers.forEach((file, writer) -> texts.put(file, writer.toString()));
    return texts;
  }

  /** Streams every file to writers opened from {@code output}, in {@link SampleFile} order. */
  public SampleSummary write(Output output) throws IOException {
    Window window = new Window(options.start(), options.months());
    Map<SampleFile, Long> counts = new EnumMap<>(SampleFile.class);
    try (Writer subscriptions = output.open(SampleFile.SUBSCRIPTIONS);
        Writer customers = output.open(SampleFile.CUSTOMERS)) {
      writeSmallFile(output, SampleFile.PLANS, plans(), counts);
      try (Writer health = output.open(SampleFile.HEALTH)) {
        writeSmallFile(output, SampleFile.TARGETS, targets(window), counts);
        writeSmallFile(output, SampleFile.FX, fx(), counts);
        writeSmallFile(output, SampleFile.INITIATIVES, initiatives(window), counts);
        streamCustomers(window, subscriptions, customers, health, counts);
      }
    }
    return new SampleSummary(options, counts);
  }

  private void streamCustomers(Window window, Writer subscriptionsOut, Writer customersOut,
      Writer healthOut, Map<SampleFile, Long> counts) throws IOException {
    // Dates from a year before the window (contracts signed ahead) to a year after it.
    CsvText csv = new CsvText(window.start(0) - 400, window.end() + 400);
    CustomerSimulation simulation = new CustomerSimulation(options, window, csv);
    StringBuilder subscriptions = new StringBuilder(FLUSH_AT * 2);
    StringBuilder customers = new StringBuilder(FLUSH_AT * 2);
    StringBuilder health = new StringBuilder(FLUSH_AT * 2);
    subscriptions.append(SampleFile.SUBSCRIPTIONS.header()).append('\n');
    customers.append(SampleFile.CUSTOMERS.header()).append('\n');
    health.append(SampleFile.HEALTH.header()).append('\n');
    for (int index = 0; index < options.customers(); index++) {
      simulation.simulate(index, subscriptions, customers, health);
      flushIfFull(subscriptions, subscriptionsOut);
      flushIfFull(customers, customersOut);
      flushIfFull(health, healthOut);
    }
    flush(subscriptions, subscriptionsOut);
    flush(customers, customersOut);
    flush(health, healthOut);
    counts.put(SampleFile.SUBSCRIPTIONS, simulation.subscriptionRows());
    counts.put(SampleFile.CUSTOMERS, (long) options.customers());
    counts.put(SampleFile.HEALTH, simulation.healthRows());
  }

  private static void flushIfFull(StringBuilder buffer, Writer out) throws IOException {
    if (buffer.length() >= FLUSH_AT) {
      flush(buffer, out);
    }
  }

  private static void flush(StringBuilder buffer, Writer out) throws IOException {
    out.append(buffer);
    buffer.setLength(0);
  }

  private static void writeSmallFile(Output output, SampleFile file, String[] rows,
      Map<SampleFile, Long> counts) throws IOException {
    try (Writer writer = output.open(file)) {
      StringBuilder text = new StringBuilder(file.header()).append('\n');
      for (String row : rows) {
        text.append(row).append('\n');
      }
      writer.append(text);
    }
    counts.put(file, (long) rows.length);
  }

  /** Products whose ranks live in plans.csv; storage (tier column) and support (none) are absent. */
  private static String[] plans() {
    return Arrays.stream(Product.values())
        .filter(p -> p.tierSource() == Product.TierSource.PLANS_FILE)
        .flatMap(p -> IntStream.range(0, p.planCount())
            .mapToObj(i -> p.code() + "," + p.plan(i) + "," + (i + 1)))
        .toArray(String[]::new);
  }

  /**
   * Upsell-rate targets (percent): every year and quarter of the window, a cumulative
   * quarter-to-date target for each of the last six months, and a quarterly target for the
   * {@code channel=sales} segment.
   */
  private static String[] targets(Window window) {
    List<String> rows = new ArrayList<>();
    YearMonth first = window.month(0);
    YearMonth last = window.month(window.months() - 1);
    for (int year = first.getYear(); year <= last.getYear(); year++) {
      rows.add("upsellRate," + year + ",40,");
    }
    for (YearMonth q = quarterStart(first); !q.isAfter(last); q = q.plusMonths(3)) {
      rows.add("upsellRate," + quarterLabel(q) + ",14.5,");
    }
    for (int m = Math.max(0, window.months() - 6); m < window.months(); m++) {
      YearMonth month = window.month(m);
      String value = switch ((month.getMonthValue() - 1) % 3) {
        case 0 -> "5.5";
        case 1 -> "10";
        default -> "14.5";
      };
      rows.add("upsellRate," + month + "," + value + ",");
    }
    for (YearMonth q = quarterStart(first); !q.isAfter(last); q = q.plusMonths(3)) {
      rows.add("upsellRate," + quarterLabel(q) + ",12,channel=sales");
    }
    return rows.toArray(String[]::new);
  }

  private static YearMonth quarterStart(YearMonth month) {
    return month.minusMonths((month.getMonthValue() - 1) % 3);
  }

  private static String quarterLabel(YearMonth quarterStart) {
    return quarterStart.getYear() + "-Q" + ((quarterStart.getMonthValue() - 1) / 3 + 1);
  }

  /**
   * Improvement initiatives for the analysis (§6.5), launched two thirds into the window (so there
   * is a baseline before and results after): one per acquisition channel and one for everyone.
   */
  private static String[] initiatives(Window window) {
    YearMonth launch = window.month(Math.min(window.months() - 1, Math.max(3, window.months() * 2 / 3)));
    return new String[] {
        "Proactive CSM outreach," + launch.atDay(1) + ",channel=sales",
        "In-app upgrade prompts," + launch.plusMonths(1).atDay(15) + ",channel=self_serve",
        "Usage-based triggers," + launch.atDay(1) + ","};
  }

  /** Constant rates to USD; USD itself is listed too, with rate 1, as §10 allows. */
  private static String[] fx() {
    return new String[] {"EUR,1.08", "GBP,1.27", SampleOptions.REPORTING_CURRENCY + ",1"};
  }
}
