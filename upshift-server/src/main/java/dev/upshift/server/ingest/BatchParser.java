package dev.upshift.server.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.upshift.input.InputErrorCode;
import dev.upshift.io.csv.RecordTable;
import dev.upshift.store.RecordKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a request body into a {@link Batch} (SPEC §8.3): JSON {@code {"records": [{"id": …, …}]}}
 * with string or number values, or {@code text/csv} with the §1 columns plus {@code id}. Only the
 * shape is checked here; every rule of §1 is applied later by the readers ({@link BatchValidator}).
 *
 * <p>A number is kept exactly as its decimal value ({@code 1250.50} stays {@code "1250.50"}, {@code
 * 1e3} becomes {@code "1000"}), never through a {@code double}. {@code null} is an absent field.
 * Text holding a NUL, an unpaired surrogate or a carriage return not followed by a line feed is
 * refused: a CSV file could not hold it, and the same records must be writable as the files of §1.
 * Stateless.
 */
public final class BatchParser {
  /** The body's field that holds the records. */
  public static final String RECORDS = "records";
  /** The field (or CSV column) that holds a record's id. */
  public static final String ID = "id";

  /** The largest power of ten a number may carry: beyond it the plain decimal text is unbounded. */
  private static final int MAX_EXPONENT = 100;

  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(200).build())
      .build();

  private BatchParser() {}

  /** The body is not a batch at all: not JSON, or not of the batch's shape (a 400). */
  public static final class MalformedBody extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedBody(String message) {
      super(message);
    }
  }

  /**
   * Reads a JSON batch.
   *
   * @throws MalformedBody when the body is not JSON of the shape {@code {"records": [...]}}
   * @throws IOException when reading the body fails
   */
  public static Batch json(InputStream body, RecordKind kind) throws IOException {
    List<IncomingRecord> records = new ArrayList<>();
    List<RecordError> errors = new ArrayList<>();
    Map<String, String> names = new java.util.HashMap<>();
    // Jackson's own UTF-8 decoding lets overlong forms (C0 AF for '/') and encoded surrogates
    // through; a strict decoder refuses them, as the CSV reader does.
    Reader text = new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    try (JsonParser json = JSON.createParser(text)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new MalformedBody("the body must be a JSON object {\"records\": [...]}");
      }
      boolean sawRecords = false;
      for (JsonToken token = json.nextToken(); token != JsonToken.END_OBJECT; token = json.nextToken()) {
        String name = json.currentName();
        JsonToken value = json.nextToken();
        if (!RECORDS.equals(name)) {
          throw new MalformedBody("unknown field \"" + name + "\" in the body; a batch is"
              + " {\"records\": [...]}");
        }
        if (value != JsonToken.START_ARRAY) {
          throw new MalformedBody("\"records\" must be an array of objects");
        }
        sawRecords = true;
        for (JsonToken item = json.nextToken(); item != JsonToken.END_ARRAY; item = json.nextToken()) {
          int index = records.size();
          if (item != JsonToken.START_OBJECT) {
            json.skipChildren();
            errors.add(new RecordError(index, null, null, null, InputErrorCode.BAD_VALUE,
                "record " + index + " is not a JSON object"));
            records.add(new IncomingRecord(index, 0, null, Map.of()));
            continue;
          }
          records.add(record(json, index, kind, errors, names));
        }
      }
      if (!sawRecords) {
        throw new MalformedBody("the body has no \"records\" array");
      }
      if (json.nextToken() != null) {
        throw new MalformedBody("unexpected content after the batch object");
      }
    } catch (CharacterCodingException e) {
      throw new MalformedBody("the body is not valid UTF-8 (" + e.getMessage() + ")");
    } catch (JsonProcessingException e) {
      // A limit of the reader (nesting depth, number length) is reported without a location.
      JsonLocation at = e.getLocation();
      throw new MalformedBody("the body is not valid JSON: " + e.getOriginalMessage()
          + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
    }
    return new Batch(records, errors);
  }

  private static IncomingRecord record(JsonParser json, int index, RecordKind kind,
      List<RecordError> errors, Map<String, String> names) throws IOException {
    String id = null;
    Map<String, String> fields = new LinkedHashMap<>();
    for (JsonToken token = json.nextToken(); token != JsonToken.END_OBJECT; token = json.nextToken()) {
      String name = json.currentName();
      JsonToken value = json.nextToken();
      String text = switch (value) {
        case VALUE_STRING -> json.getText();
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(json);
        case VALUE_NULL -> null;
        default -> {
          String shown = value == JsonToken.START_OBJECT ? "an object"
              : value == JsonToken.START_ARRAY ? "an array" : json.getText();
          json.skipChildren();
          errors.add(new RecordError(index, null, id, normalise(name), InputErrorCode.BAD_VALUE,
              shown + " is not a string or a number"));
          yield null;
        }
      };
      if (text == null) {
        continue;
      }
      if (names.computeIfAbsent(name, BatchParser::normalise).equals(ID)) {
        id = text.strip().isEmpty() ? null : text.strip();
      } else if (fields.containsKey(name)) {
        errors.add(new RecordError(index, null, id, normalise(name),
            InputErrorCode.DUPLICATE_COLUMN, "field given twice; keep one"));
      } else {
        fields.put(name, text);
      }
    }
    IncomingRecord record = new IncomingRecord(index, 0, id, fields);
    checkText(record, errors);
    return record;
  }

  /** A JSON number as exact plain decimal text, or {@code null} (and an error) when it is too large. */
  private static String number(JsonParser json) throws IOException {
    BigDecimal value = json.getDecimalValue();
    if (Math.abs((long) value.scale()) > MAX_EXPONENT) {
      return json.getText(); // left as written: the readers refuse it as not a plain number
    }
    return value.toPlainString();
  }

  /**
   * Reads a {@code text/csv} batch: the §1 columns and an {@code id} column.
   *
   * @throws dev.upshift.input.InputException when the text is not readable CSV (see {@link
   *     RecordTable#parseCsv}); errors name the body's lines
   */
  public static Batch csv(InputStream body, RecordKind kind) {
    RecordTable.Parsed parsed = RecordTable.parseCsv(kind.wireName(), body, ID);
    List<IncomingRecord> records = new ArrayList<>(parsed.table().size());
    List<RecordError> errors = new ArrayList<>();
    for (int i = 0; i < parsed.table().size(); i++) {
      RecordTable.Row row = parsed.table().rows().get(i);
      IncomingRecord record = new IncomingRecord(i, parsed.lines()[i], row.id(), row.fields());
      checkText(record, errors);
      records.add(record);
    }
    return new Batch(records, errors);
  }

  /** Refuses text no CSV file of §1 could hold: a NUL, an unpaired surrogate, a lone CR. */
  private static void checkText(IncomingRecord record, List<RecordError> errors) {
    for (Map.Entry<String, String> field : record.fields().entrySet()) {
      String problem = textProblem(field.getValue());
      if (problem != null) {
        errors.add(new RecordError(record.index(), record.line() == 0 ? null : record.line(),
            record.id(), normalise(field.getKey()), InputErrorCode.BAD_VALUE, problem));
      }
    }
  }

  /** What makes a value unusable, or {@code null} when it is fine. */
  static String textProblem(String text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return "holds a NUL character";
      }
      if (c == '\r' && (i + 1 == n || text.charAt(i + 1) != '\n')) {
        return "holds a carriage return not followed by a line feed";
      }
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "holds an unpaired surrogate (\\u" + Integer.toHexString(c) + "), which is not"
            + " valid Unicode";
      }
    }
    return null;
  }

  /** A field name as the readers compare names: trimmed, lower case. */
  static String normalise(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
