package dev.upshift.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Valid batches of records, made from a seed: phases of fresh customers (ramps, upsells,
 * downgrades, churn, in 2024–2025), their customers records, and the plans that rank the tiers.
 * The ids of a batch start with its name, so batches never share a record.
 */
final class Workload {
  private static final String[] PLANS = {"Starter", "Standard", "Premium"};
  private static final String[] CHANNELS = {"direct", "partner", "online"};
  private static final String[] REGIONS = {"EMEA", "NA", "APAC"};
  private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);

  private Workload() {}

  /** One request's records, all of one kind. */
  record Batch(String kind, String name, List<Map<String, String>> records) {
    Batch {
      records = List.copyOf(records);
    }

    /** The JSON body {@code {"records": [...]}}. */
    String json() {
      try {
        return Client.JSON.writeValueAsString(Map.of("records", records));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The CSV body: a column per field (the id first), an empty cell for a field not given. */
    String csv() {
      StringWriter text = new StringWriter();
      writeCsv(records, text, true);
      return text.toString();
    }

    /** The same records with one field of each replaced. */
    Batch with(String field, java.util.function.Function<Map<String, String>, String> value) {
      List<Map<String, String>> changed = new ArrayList<>();
      for (Map<String, String> record : records) {
        Map<String, String> copy = new LinkedHashMap<>(record);
        copy.put(field, value.apply(record));
        changed.add(copy);
      }
      return new Batch(kind, name, changed);
    }

    /** Where a batch of its kind is posted. */
    String path() {
      return "/v1/" + kind;
    }
  }

  /**
   * Records as CSV: a column per field any of them has (the id's only if {@code withId}), an
   * empty cell for a field a record does not give.
   */
  static void writeCsv(Collection<Map<String, String>> records, Writer out, boolean withId) {
    Set<String> columns = new LinkedHashSet<>();
    records.forEach(record -> columns.addAll(record.keySet()));
    if (!withId) {
      columns.remove("id");
    }
    try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out)) {
      csv.writeRecord(columns);
      for (Map<String, String> record : records) {
        csv.writeRecord(columns.stream().map(c -> record.getOrDefault(c, "")).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The three tiers of the product {@code core}. */
  static Batch plans() {
    List<Map<String, String>> records = new ArrayList<>();
    for (int i = 0; i < PLANS.length; i++) {
      records.add(record("id", "core/" + PLANS[i], "product", "core", "plan", PLANS[i],
          "tier", Integer.toString(i + 1)));
    }
    return new Batch("plans", "plans", records);
  }

  /** The customers {@code name-c0 … name-c(n-1)}, in phases: one line each, one to three phases. */
  static Batch phases(String name, int customers, Random random) {
    List<Map<String, String>> records = new ArrayList<>();
    for (int c = 0; c < customers; c++) {
      String customer = name + "-c" + c;
      LocalDate start = FIRST.plusMonths(random.nextInt(18));
      int tier = random.nextInt(PLANS.length);
      int seats = 1 + random.nextInt(50);
      int phases = 1 + random.nextInt(3);
      for (int p = 0; p < phases; p++) {
        LocalDate end = start.plusMonths(2 + random.nextInt(5));
        boolean last = p == phases - 1;
        Map<String, String> phase = record("id", customer + "-p" + p, "customer_id", customer,
            "product", "core", "plan", PLANS[tier], "seats", Integer.toString(seats),
            "arr", (seats * 120L * (tier + 1) + random.nextInt(100)) + "." + (10 + random.nextInt(90)),
            "start_date", start.toString());
        if (!last || random.nextInt(10) < 4) {
          phase.put("end_date", end.toString());
        }
        records.add(phase);
        tier = Math.max(0, Math.min(PLANS.length - 1, tier + random.nextInt(3) - 1));
        seats = Math.max(1, seats + random.nextInt(11) - 4);
        start = end;
      }
    }
    return new Batch("phases", name, records);
  }

  /** The customers records of the customers of {@link #phases}. */
  static Batch customers(String name, int customers, Random random) {
    List<Map<String, String>> records = new ArrayList<>();
    for (int c = 0; c < customers; c++) {
      String customer = name + "-c" + c;
      records.add(record("id", customer, "customer_id", customer,
          "channel", CHANNELS[random.nextInt(CHANNELS.length)],
          "region", REGIONS[random.nextInt(REGIONS.length)]));
    }
    return new Batch("customers", name + "-customers", records);
  }

  private static Map<String, String> record(String... namesAndValues) {
    Map<String, String> record = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      record.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return record;
  }
}
