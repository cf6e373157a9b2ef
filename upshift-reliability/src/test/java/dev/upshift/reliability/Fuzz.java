package dev.upshift.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Bad request bodies for every record kind, made from a seed: each one is wrong by construction
 * (malformed or truncated JSON, values of the wrong type, numbers and strings beyond every limit,
 * deep nesting, invalid UTF-8, NUL, ragged or mis-quoted CSV, a wrong media type...), so that no
 * server may store anything from it. {@link #next()} draws one. (A CSV body without a header, 0
 * bytes or a BOM alone, is not among them: it is an empty batch, as {@code {"records": []}}.)
 */
final class Fuzz {
  /** A valid record of each kind, the template the mutations start from. */
  static final Map<String, Map<String, String>> VALID = validRecords();
  /**
   * The fields of each kind whose numbers have limits (a target's value and a rate may be any
   * decimal above zero, and a customer's attributes any text).
   */
  private static final Map<String, List<String>> NUMBERS = Map.of("phases", List.of("arr", "seats"),
      "customers", List.of(), "plans", List.of("tier"), "health", List.of("score"),
      "targets", List.of(), "fx", List.of(), "initiatives", List.of("launch_date"));
  private static final String MEGABYTE = "x".repeat(1 << 20);
  private static final String[] HUGE_NUMBERS = {"1e400", "-1e400", "1e-400",
      "1234567890123456789012345678901234567890", "-1234567890123456789012345678901234567890",
      "9223372036854775808", "1e99999", "1" + "0".repeat(190)};
  private static final String[] WRONG_TYPES = {"[]", "[1, 2]", "{}", "{\"a\": 1}", "true", "false",
      "[\"2025-01-01\"]", "{\"value\": \"100\"}"};

  private final Random random;

  Fuzz(long seed) {
    this.random = new Random(seed);
  }

  /** A request body: where it goes, as what, and what is wrong with it. */
  record Body(String kind, String contentType, byte[] bytes, String what) {
    @Override
    public String toString() {
      return what + " (" + kind + ", " + contentType + ", " + bytes.length + " bytes)";
    }
  }

  private static Map<String, Map<String, String>> validRecords() {
    Map<String, Map<String, String>> records = new LinkedHashMap<>();
    records.put("phases", Map.of("id", "fz-1", "customer_id", "FZ1", "arr", "1200.50",
        "seats", "3", "start_date", "2025-01-01"));
    records.put("customers", Map.of("customer_id", "FZ1", "region", "EMEA"));
    records.put("plans", Map.of("product", "fz", "plan", "Fuzzy", "tier", "1"));
    records.put("health", Map.of("customer_id", "FZ1", "date", "2025-01-01", "score", "50"));
    records.put("targets", Map.of("metric", "upsellRate", "period", "2025", "value", "40"));
    records.put("fx", Map.of("currency", "CHF", "rate", "1.1"));
    records.put("initiatives", Map.of("name", "fuzz", "launch_date", "2025-01-01",
        "segment", "region=EMEA"));
    return records;
  }

  /** The next bad body. */
  Body next() {
    String kind = Stored.KINDS.get(random.nextInt(Stored.KINDS.size()));
    Map<String, String> valid = VALID.get(kind);
    String json = json(valid);
    return switch (random.nextInt(20)) {
      case 0 -> json(kind, json.substring(0, random.nextInt(json.length())), "truncated JSON");
      case 1 -> json(kind, randomBytes(random.nextInt(2_000)), "random bytes");
      case 2 -> json(kind, pick("[]", "\"records\"", "{\"records\": {}}", "{\"records\": \"x\"}",
          "{\"rec\": []}", "{\"records\": [1, \"a\", null]}", "null", "{}", "{\"records\": [[]]}",
          "{\"records\": [" + json(valid) + "]} trailing", "{\"records\": [" + json(valid) + "],"
              + " \"more\": 1}"), "wrong shape");
      case 3 -> json(kind, withRaw(valid, pickField(valid), pick(WRONG_TYPES)), "wrong type");
      case 4 -> {
        // Numbers beyond every limit, in a field that has one (kinds without get phases').
        String numbered = NUMBERS.get(kind).isEmpty() ? "phases" : kind;
        List<String> numeric = NUMBERS.get(numbered);
        String field = numeric.get(random.nextInt(numeric.size()));
        String number = pick(HUGE_NUMBERS);
        Map<String, String> template = VALID.get(numbered);
        yield json(numbered, random.nextBoolean() ? withRaw(template, field, number)
            : withRaw(template, field, "\"" + number + "\""), "huge number in " + field);
      }
      case 5 -> json(kind, withRaw(valid, "id", "\"" + MEGABYTE + "\""), "1 MB id");
      case 6 -> json(kind, "{\"records\": " + "[".repeat(100_000), "100k [");
      case 7 -> json(kind, "{\"records\": [" + "{\"a\": ".repeat(50_000) + "1" + "}".repeat(50_000)
          + "]}", "50k nested objects");
      case 8 -> json(kind, invalidUtf8(json), "invalid UTF-8");
      case 9 -> json(kind, new byte[0], "0 bytes");
      case 10 -> json(kind, withRaw(valid, pickField(valid), pick("\"a\u0000b\"", "\"\\u0000\"",
          "\"\\ud800\"", "\"x\\udfff\"", "\"a\rb\"")), "NUL or bad text");
      case 11 -> json(kind, json.replace("\"" + pickField(valid) + "\":", "\"nul\u0000\":")
          .replace("}]}", ", \"id\": null, \"id\": \"" + MEGABYTE.substring(0, 300) + "\"}]}"),
          "bad field name and long id");
      case 12 -> new Body(kind, pick("text/plain", "application/xml", "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x", "application/jsonx", "text/csvx", "*/*"),
          json.getBytes(StandardCharsets.UTF_8), "wrong content type");
      case 13 -> new Body(kind, null, json.getBytes(StandardCharsets.UTF_8), "no content type");
      case 14 -> csv(kind, raggedCsv(valid), "ragged CSV");
      case 15 -> csv(kind, pick(csv(valid).replace(",", ";") + "x;y;z;w;v;u;t;s\n",
          csv(valid).replaceFirst("\n", "\n\"unterminated,"),
          csv(valid).replaceFirst("\n(.)", "\n\"quoted\"x$1"),
          "\uFEFF" + raggedCsv(valid), csv(valid).replace("\n", "\r\n") + "a\rb,\n",
          "id,id\n1,2\n", ",\n1,2\n"), "malformed CSV");
      case 16 -> csv(kind, invalidUtf8(csv(valid) + "ü\n"), "CSV, invalid UTF-8");
      case 17 -> csv(kind, random.nextBoolean()
          ? csv(withValue(valid, pickField(valid), "a\u0000b")) : csv(withValue(valid, "id", MEGABYTE)),
          "CSV with a NUL or a 1 MB id");
      case 18 -> json(kind, withRaw(valid, pickField(valid), "[" + "1,".repeat(100_000) + "1]"),
          "100k-element array as a value");
      default -> json(kind, "{\"records\": [" + json(valid) + ", " + pick(WRONG_TYPES) + "]}",
          "a record not an object");
    };
  }

  private String pick(String... choices) {
    return choices[random.nextInt(choices.length)];
  }

  private String pickField(Map<String, String> record) {
    List<String> fields = new ArrayList<>(record.keySet());
    return fields.get(random.nextInt(fields.size()));
  }

  private byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    random.nextBytes(bytes);
    return bytes;
  }

  /** The text with an invalid UTF-8 sequence put in at a random place inside it. */
  private byte[] invalidUtf8(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    byte[][] bad = {{(byte) 0xFF}, {(byte) 0xC3, 0x28}, {(byte) 0xC0, (byte) 0xAF},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80},
        {(byte) 0xE2, (byte) 0x82}};
    // Inside a value, so that the reader meets it wherever it looks.
    int quote = text.lastIndexOf('"', Math.max(1, text.length() - 3));
    int at = quote <= 0 ? random.nextInt(utf8.length + 1) : text.substring(0, quote)
        .getBytes(StandardCharsets.UTF_8).length;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(utf8, 0, at);
    out.writeBytes(bad[random.nextInt(bad.length)]);
    out.write(utf8, at, utf8.length - at);
    return out.toByteArray();
  }

  private String raggedCsv(Map<String, String> record) {
    String csv = csv(record);
    return random.nextBoolean() ? csv + csv.substring(csv.indexOf('\n') + 1).strip() + ",extra\n"
        : csv + "only-one-cell\n";
  }

  private static Map<String, String> withValue(Map<String, String> record, String field, String value) {
    Map<String, String> copy = new LinkedHashMap<>(record);
    copy.put(field, value);
    return copy;
  }

  /** The record as a one-record JSON batch with one field's JSON value replaced. */
  private static String withRaw(Map<String, String> record, String field, String rawJson) {
    StringBuilder json = new StringBuilder("{\"records\": [{");
    boolean replaced = false;
    for (Map.Entry<String, String> entry : record.entrySet()) {
      if (json.charAt(json.length() - 1) != '{') {
        json.append(", ");
      }
      boolean here = entry.getKey().equals(field);
      replaced |= here;
      json.append(quoted(entry.getKey())).append(": ")
          .append(here ? rawJson : quoted(entry.getValue()));
    }
    if (!replaced) {
      json.append(", ").append(quoted(field)).append(": ").append(rawJson);
    }
    return json.append("}]}").toString();
  }

  private static String json(Map<String, String> record) {
    return withRaw(record, "id", record.containsKey("id") ? quoted(record.get("id")) : "null");
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String csv(Map<String, String> record) {
    java.io.StringWriter out = new java.io.StringWriter();
    Workload.writeCsv(List.of(record), out, true);
    return out.toString();
  }

  private static Body json(String kind, String text, String what) {
    return json(kind, text.getBytes(StandardCharsets.UTF_8), what);
  }

  private static Body json(String kind, byte[] bytes, String what) {
    return new Body(kind, "application/json", bytes, what);
  }

  private static Body csv(String kind, String text, String what) {
    return csv(kind, text.getBytes(StandardCharsets.UTF_8), what);
  }

  private static Body csv(String kind, byte[] bytes, String what) {
    return new Body(kind, "text/csv", bytes, what);
  }
}
