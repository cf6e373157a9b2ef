package dev.upshift.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.spark_partition_id;
import static org.apache.spark.sql.functions.btrim;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.upshift.input.InputError;
import dev.upshift.input.InputErrorCode;
import dev.upshift.input.InputException;
import dev.upshift.io.csv.SideFiles;
import dev.upshift.io.csv.SubscriptionColumns;
import dev.upshift.io.csv.SubscriptionRows;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The subscriptions input as Spark rows, each with the fields that place it in the input ({@link
 * ScanLayout}): read from CSV or Parquet files with Spark's own readers, or taken as a DataFrame.
 * Headers are checked here, on the driver, before any row is read: a misspelt column fails the job
 * at once.
 *
 * <p>Row positions. A file split is read by one task, row after row, so (file, split start,
 * position in the scan) orders the rows of a file as the file does, without numbering them first;
 * a DataFrame's rows are ordered by (partition, position). Row numbers (the first data row is 1)
 * are worked out from the same fields only when an error must name them ({@link RowNumbers}).
 */
final class PhaseScan {
  /** Characters {@link String#strip()} removes: the customer key is the id as the rules read it. */
  private static final String WHITESPACE = whitespace();

  private final Dataset<Row> frame;
  private final ScanLayout layout;

  private PhaseScan(Dataset<Row> frame, ScanLayout layout) {
    this.frame = frame;
    this.layout = layout;
  }

  /** The rows with their position fields (and the customer key) and where to find them. */
  Dataset<Row> frame() {
    return frame;
  }

  ScanLayout layout() {
    return layout;
  }

  /**
   * The rows grouped by customer: one shuffle, hashing the customer key, then each partition
   * sorted by customer and input position (a sort within the partition, no second shuffle).
   *
   * @param partitions how many partitions, or {@code null} for {@code spark.sql.shuffle.partitions}
   *     (which adaptive execution may then coalesce)
   */
  Dataset<Row> byCustomer(Integer partitions) {
    Column key = col(ScanLayout.KEY);
    Dataset<Row> shuffled = partitions == null ? frame.repartition(key)
        : frame.repartition(partitions, key);
    return shuffled.sortWithinPartitions(key, col(ScanLayout.SOURCE), col(ScanLayout.BLOCK),
        col(ScanLayout.POSITION));
  }

  /**
   * CSV files: a file, a directory or a glob. Each file's header is read and checked here; files
   * with the same header are read together, each cell as text, and every group is brought to the
   * columns of §1.1 in their order.
   *
   * @param path the input as the user gave it (its name in errors when it is one file)
   */
  static PhaseScan csv(SparkSession spark, String path, SideFiles side) {
    List<String> files = inputFiles(spark, path);
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    String single = files.size() == 1 ? path : null;
    Map<List<String>, List<String>> byHeader = new LinkedHashMap<>();
    List<InputError> errors = new ArrayList<>();
    for (String file : files) {
      List<String> header = header(file, conf);
      if (header == null) {
        errors.add(new InputError(name(single, file), 0, null, InputErrorCode.EMPTY_FILE,
            "the file is empty; expected a header row with customer_id, start_date"));
      } else {
        byHeader.computeIfAbsent(header, h -> new ArrayList<>()).add(file);
      }
    }
    List<SubscriptionRows> groups = new ArrayList<>();
    List<int[]> cellFields = new ArrayList<>();
    Dataset<Row> union = null;
    for (Map.Entry<List<String>, List<String>> group : byHeader.entrySet()) {
      List<String> header = group.getKey();
      String first = group.getValue().get(0);
      try {
        groups.add(side.subscriptionRows(name(single, first), header));
      } catch (InputException e) {
        errors.addAll(e.errors());
        continue;
      }
      cellFields.add(header.stream()
          .mapToInt(name -> SubscriptionColumns.NAMES.indexOf(normalised(name))).toArray());
      Dataset<Row> read = readCsv(spark, header, group.getValue(), groups.size() - 1);
      union = union == null ? read : union.union(read);
    }
    if (!errors.isEmpty()) {
      throw new InputException(errors, errors.size());
    }
    return withKey(union, SubscriptionColumns.CUSTOMER_ID, groups, cellFields, single);
  }

  /** One group of CSV files with one header: cells as text, ragged rows kept raw. */
  private static Dataset<Row> readCsv(SparkSession spark, List<String> header, List<String> files,
      int group) {
    // The header's own names (unique: duplicates are header errors), so Spark's header check agrees.
    List<StructField> fields = new ArrayList<>();
    for (String name : header) {
      fields.add(DataTypes.createStructField(name, DataTypes.StringType, true));
    }
    fields.add(DataTypes.createStructField(ScanLayout.RAW, DataTypes.StringType, true));
    Dataset<Row> read = spark.read()
        .schema(DataTypes.createStructType(fields))
        .option("header", "true")
        .option("encoding", "UTF-8")
        // RFC 4180: a quote inside a quoted cell is doubled, not backslash-escaped.
        .option("escape", "\"")
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", ScanLayout.RAW)
        .csv(files.toArray(String[]::new));
    List<String> names = header.stream().map(PhaseScan::normalised).toList();
    List<Column> columns = new ArrayList<>();
    for (String column : SubscriptionColumns.NAMES) {
      int index = names.indexOf(column);
      columns.add((index < 0 ? lit(null).cast(DataTypes.StringType) : read.col(quoted(header.get(index))))
          .as(column));
    }
    columns.add(lit(group).as(ScanLayout.GROUP));
    columns.add(col(ScanLayout.RAW));
    columns.add(col("_metadata.file_path").as(ScanLayout.SOURCE));
    columns.add(col("_metadata.file_block_start").as(ScanLayout.BLOCK));
    columns.add(monotonically_increasing_id().as(ScanLayout.POSITION));
    return read.select(columns.toArray(Column[]::new));
  }

  /** Parquet files (a file, a directory or a glob), typed columns and all, as Spark reads them. */
  static PhaseScan parquet(SparkSession spark, String path, SideFiles side) {
    mustExist(spark, path);
    Dataset<Row> read;
    try {
      read = spark.read().parquet(path);
    } catch (Exception e) {
      throw unreadable(path, e);
    }
    String single = inputFiles(spark, path).size() == 1 ? path : null;
    Dataset<Row> positioned = read.select(withPositions(read,
        col("_metadata.file_path"), col("_metadata.file_block_start")));
    return typed(positioned, read.columns(), side, single == null ? path : single, single);
  }

  /**
   * A DataFrame of phases (a table, a query): its columns named as in §1.1, of any type. Errors name
   * {@code name} and the row's place in the DataFrame's order.
   */
  static PhaseScan frame(Dataset<Row> phases, String name, SideFiles side) {
    Dataset<Row> positioned = phases.select(withPositions(phases, lit(name),
        spark_partition_id().cast(DataTypes.LongType)));
    return typed(positioned, phases.columns(), side, name, name);
  }

  private static Column[] withPositions(Dataset<Row> read, Column source, Column block) {
    List<Column> columns = new ArrayList<>();
    for (StructField field : read.schema().fields()) {
      Column column = read.col(quoted(field.name()));
      // A date becomes its ISO text in Spark's generated code: far cheaper than a java.sql.Date
      // per cell, which the rules would only format again.
      columns.add(field.dataType().equals(DataTypes.DateType)
          ? column.cast(DataTypes.StringType).as(field.name()) : column);
    }
    columns.add(lit(0).as(ScanLayout.GROUP));
    columns.add(lit(null).cast(DataTypes.StringType).as(ScanLayout.RAW));
    columns.add(source.as(ScanLayout.SOURCE));
    columns.add(block.as(ScanLayout.BLOCK));
    columns.add(monotonically_increasing_id().as(ScanLayout.POSITION));
    return columns.toArray(Column[]::new);
  }

  private static PhaseScan typed(Dataset<Row> positioned, String[] header, SideFiles side,
      String headerFile, String single) {
    SubscriptionRows rules = side.subscriptionRows(headerFile, Arrays.asList(header));
    int[] fields = new int[header.length];
    Arrays.setAll(fields, i -> i);
    String customer = header[rules.indexOf(SubscriptionColumns.CUSTOMER_ID)];
    return withKey(positioned, customer, List.of(rules), List.of(fields), single);
  }

  private static PhaseScan withKey(Dataset<Row> frame, String customerColumn,
      List<SubscriptionRows> groups, List<int[]> cellFields, String single) {
    Dataset<Row> keyed = frame.withColumn(ScanLayout.KEY,
        btrim(frame.col(quoted(customerColumn)).cast(DataTypes.StringType), lit(WHITESPACE)));
    ScanLayout layout = new ScanLayout(groups, cellFields.toArray(int[][]::new),
        Arrays.asList(keyed.columns()), single);
    return new PhaseScan(keyed, layout);
  }

  /** The data files of an input, in name order; an input that matches none is an error. */
  private static List<String> inputFiles(SparkSession spark, String path) {
    mustExist(spark, path);
    String[] files;
    try {
      files = spark.read().text(path).inputFiles();
    } catch (Exception e) {
      throw unreadable(path, e);
    }
    if (files.length == 0) {
      throw new InputException(new InputError(path, 0, null, InputErrorCode.NO_SUCH_FILE,
          "no data files here"));
    }
    List<String> sorted = new ArrayList<>(Arrays.asList(files));
    sorted.sort(null);
    return sorted;
  }

  /** Checks that a path (or glob) names something before Spark is asked to read it. */
  private static void mustExist(SparkSession spark, String path) {
    Path hadoopPath = new Path(path);
    FileStatus[] found;
    try {
      found = hadoopPath.getFileSystem(spark.sparkContext().hadoopConfiguration())
          .globStatus(hadoopPath);
    } catch (IOException e) {
      throw unreadable(path, e);
    }
    if (found == null || found.length == 0) {
      throw new InputException(
          new InputError(path, 0, null, InputErrorCode.NO_SUCH_FILE, "no such file"));
    }
  }

  private static InputException unreadable(String path, Exception e) {
    boolean missing = e instanceof AnalysisException
        && String.valueOf(e.getMessage()).contains("not exist");
    return new InputException(new InputError(path, 0, null,
        missing ? InputErrorCode.NO_SUCH_FILE : InputErrorCode.UNREADABLE_FILE,
        missing ? "no such file" : "cannot read: " + e.getMessage()));
  }

  /** The header cells of a CSV file (a leading byte-order mark dropped), or {@code null} if empty. */
  private static List<String> header(String file, Configuration conf) {
    Path path = new Path(file);
    try {
      FileSystem fs = path.getFileSystem(conf);
      CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
      try (InputStream raw = fs.open(path);
          InputStream in = codec == null ? raw : codec.createInputStream(raw);
          Reader text = new InputStreamReader(in, StandardCharsets.UTF_8);
          CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(text)) {
        Iterator<CsvRecord> records = csv.iterator();
        if (!records.hasNext()) {
          return null;
        }
        List<String> cells = new ArrayList<>(records.next().getFields());
        if (!cells.isEmpty() && cells.get(0).startsWith("\uFEFF")) {
          cells.set(0, cells.get(0).substring(1));
        }
        return cells;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the header of " + file, e);
    }
  }

  private static String name(String single, String file) {
    return ScanLayout.fileName(single, file);
  }

  /** A column name as a Spark column reference, whatever characters it holds. */
  private static String quoted(String name) {
    return '`' + name.replace("`", "``") + '`';
  }

  private static String normalised(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  private static String whitespace() {
    StringBuilder chars = new StringBuilder();
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      if (Character.isWhitespace(c)) {
        chars.append(c);
      }
    }
    return chars.toString();
  }
}
