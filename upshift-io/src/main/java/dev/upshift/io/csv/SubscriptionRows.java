package dev.upshift.io.csv;

import static java.util.Objects.requireNonNull;

import dev.upshift.input.FxRates;
import dev.upshift.input.InputError;
import dev.upshift.input.InputException;
import dev.upshift.input.Phase;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules of {@code subscriptions.csv} (§1.1, §1.3, §10) for rows read by someone else: a Spark
 * job scans CSV or Parquet with its own reader and hands each row's cells here, and gets the same
 * phase, or the same errors, as the CSV reader would give the row. The header is checked once, when
 * this is made; the overlap check across rows stays {@link dev.upshift.input.SubscriptionLog}'s.
 *
 * <p>Serialisable, to travel to where the rows are. Not thread-safe (it shares repeated strings
 * between the rows it parses): each thread uses its own copy, as each deserialised copy is.
 */
public final class SubscriptionRows implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long headerLine;
  private final List<String> names;
  private final FxRates fx;
  private final String fxFile;
  private final Map<String, Long> rejectedCurrencies;

  private transient Header header;
  private transient PhaseParser parser;
  private transient Interner interner;

  /** One row's outcome: its phase, or its errors (every column's first). Immutable. */
  public record Parsed(Phase phase, List<InputError> errors) {
    public Parsed {
      errors = List.copyOf(errors);
      if ((phase == null) == errors.isEmpty()) {
        throw new IllegalArgumentException("a row has a phase or errors, not both or neither");
      }
    }
  }

  private SubscriptionRows(String file, long headerLine, List<String> names, FxRates fx,
      String fxFile, Map<String, Long> rejectedCurrencies) {
    this.file = requireNonNull(file, "file is null");
    this.headerLine = headerLine;
    this.names = List.copyOf(names);
    this.fx = requireNonNull(fx, "fx is null");
    this.fxFile = requireNonNull(fxFile, "fxFile is null");
    this.rejectedCurrencies = Map.copyOf(rejectedCurrencies);
    List<InputError> errors = new ArrayList<>();
    this.header = Header.resolve(file, headerLine, this.names, SubscriptionColumns.COLUMNS, errors);
    if (errors.isEmpty()) {
      SubscriptionsReader.checkPriceColumns(file, header, errors);
    }
    if (!errors.isEmpty()) {
      throw new InputException(errors, errors.size());
    }
    this.parser = new PhaseParser(fx, fxFile, rejectedCurrencies);
    this.interner = new Interner();
  }

  /** See {@link SideFiles#subscriptionRows}; header errors are reported at line 0 (the file). */
  static SubscriptionRows of(String file, List<String> header, FxRates fx, String fxFile,
      Map<String, Long> rejectedCurrencies) {
    return new SubscriptionRows(file, 0, header, fx, fxFile, rejectedCurrencies);
  }

  /** The same rules for rows of another file with the same header. */
  public SubscriptionRows forFile(String otherFile) {
    return new SubscriptionRows(otherFile, headerLine, names, fx, fxFile, rejectedCurrencies);
  }

  /** The column names as written, in order: the cells of a row come in this order. */
  public List<String> header() {
    return names;
  }

  /**
   * The position of a §1.1 column ({@link SubscriptionColumns}) in the header, or -1 when the
   * header lacks it.
   */
  public int indexOf(String column) {
    return header.index(column);
  }

  /**
   * Checks one row and makes its phase.
   *
   * @param line the row's line (or row number), which errors name and the phase carries as its
   *     {@link Phase#line()} (the input order)
   * @param cells the cells in header order, untrimmed; {@code null} cells read as empty. A row with
   *     more or fewer cells than the header is a ragged row
   */
  public Parsed parse(long line, List<String> cells) {
    List<String> text = new ArrayList<>(cells.size());
    for (String cell : cells) {
      text.add(cell == null ? "" : cell);
    }
    RowCells row = new RowCells(file, header, new CsvTable.Row(line, text, List.of()), interner);
    Phase phase = null;
    if (text.size() != header.width()) {
      TableReader.raggedRow(row, header);
    } else {
      phase = parser.parse(row);
    }
    return new Parsed(row.hasErrors() ? null : phase, row.errors());
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    header = Header.resolve(file, headerLine, names, SubscriptionColumns.COLUMNS, new ArrayList<>());
    parser = new PhaseParser(fx, fxFile, rejectedCurrencies);
    interner = new Interner();
  }
}
