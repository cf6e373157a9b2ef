package dev.upshift.server.ingest;

import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.upshift.input.InputError;
import dev.upshift.input.InputErrorCode;
import dev.upshift.input.InputException;
import dev.upshift.io.csv.DatasetReader;
import dev.upshift.io.csv.InitiativesReader;
import dev.upshift.io.csv.InputFiles;
import dev.upshift.store.DataRecord;
import dev.upshift.store.IngestMode;
import dev.upshift.store.IngestResult;
import dev.upshift.store.PreparedBatch;
import dev.upshift.store.RecordKind;
import dev.upshift.store.Store;
import dev.upshift.store.StoreException;
import dev.upshift.store.Workspace;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * {@code upshift import} (SPEC §8.1): loads the §1 files of a folder into a workspace by the rules
 * of §8.3. A row of a file without an {@code id} column gets the id {@code <file name>:<line>}, so
 * importing the same files again changes nothing.
 *
 * <p>How, and why it is fast:
 * <ol>
 *   <li>The folder is checked as a whole by the command line's reader ({@link DatasetReader}, whose
 *       fast path reads a clean subscriptions file on every core): every rule of §1 within the
 *       files. Any error stops the import before anything is stored, listed as {@code file:line}.
 *   <li>Kinds are loaded in dependency order (rates before the phases that need them), each in
 *       large batches through the store, one batch parsed while the previous is written.
 *   <li>A kind the workspace holds no records of cannot clash with stored records, so its batches
 *       are not checked again: each is stored only if the workspace is still at the version the
 *       last one left it at; if another writer came in between, the rest go through the {@link
 *       Ingestor}'s full check. A kind with stored records is first checked batch by batch against
 *       them without storing anything, then ingested through the {@link Ingestor}, so a clash
 *       found stops the import before its first batch.
 * </ol>
 * Each batch is all or nothing and acknowledged by the store; an import stopped half-way (a crash,
 * a clash with a concurrent writer) leaves whole batches, and running it again completes it.
 * Not thread-safe; one import per instance at a time.
 */
public final class Importer {
  /** Records per batch: large enough to amortise a transaction, small enough for memory. */
  public static final int DEFAULT_BATCH = 50_000;

  /** Kinds in the order they are loaded: rates before the phases that need them. */
  private static final List<RecordKind> ORDER = List.of(RecordKind.FX, RecordKind.PLANS,
      RecordKind.CUSTOMERS, RecordKind.HEALTH, RecordKind.TARGETS, RecordKind.INITIATIVES,
      RecordKind.PHASES);

  private final Store store;
  private final Ingestor ingestor;
  private final int batchSize;
  private final Consumer<String> progress;

  /** @param progress receives a line per kind loaded (and per million rows) */
  public Importer(Store store, int batchSize, Consumer<String> progress) {
    this.store = requireNonNull(store, "store is null");
    this.ingestor = new Ingestor(store);
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize < 1: " + batchSize);
    }
    this.batchSize = batchSize;
    this.progress = requireNonNull(progress, "progress is null");
  }

  /** What an import did, by kind. */
  public record Imported(Map<RecordKind, Counts> counts, long dataVersion) {}

  /** Records of one kind by outcome. */
  public record Counts(long created, long unchanged, long corrected) {
    Counts plus(IngestResult result) {
      return new Counts(created + result.created(), unchanged + result.unchanged(),
          corrected + result.corrected());
    }

    long total() {
      return created + unchanged + corrected;
    }
  }

  /**
   * A batch of a file that clashes with stored records (an overlap, a repeated key, a changed
   * record without {@code correct}): nothing of its kind was stored.
   */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<InputError> errors;
    private final long count;

    Refused(List<InputError> errors, long count, String message) {
      super(message);
      this.errors = List.copyOf(errors);
      this.count = count;
    }

    /** The first errors, as {@code file:line: column: reason}. */
    public List<InputError> errors() {
      return errors;
    }

    public long count() {
      return count;
    }
  }

  /**
   * Imports the §1 files of {@code folder}.
   *
   * @param mode {@link IngestMode#CORRECT} to replace records whose content changed
   * @throws InputException when the files break a rule of §1 (nothing is stored)
   * @throws Refused when records clash with stored ones
   */
  public Imported run(Workspace workspace, Path folder, IngestMode mode) {
    Map<RecordKind, Path> files = files(folder);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no input files in " + folder + " (subscriptions.csv,"
          + " customers.csv, plans.csv, health.csv, targets.csv, fx.csv, initiatives.csv)");
    }
    validate(workspace, files);
    Map<RecordKind, Counts> counts = new EnumMap<>(RecordKind.class);
    for (RecordKind kind : ORDER) {
      Path file = files.get(kind);
      if (file != null) {
        Counts done = load(workspace, kind, file, mode);
        counts.put(kind, done);
        progress.accept(String.format(Locale.ROOT, "%s: %,d records (%,d created, %,d unchanged,"
            + " %,d corrected)", file.getFileName(), done.total(), done.created(), done.unchanged(),
            done.corrected()));
      }
    }
    return new Imported(counts, store.dataVersion(workspace));
  }

  /** The standard files present in the folder. */
  private static Map<RecordKind, Path> files(Path folder) {
    Map<RecordKind, Path> files = new EnumMap<>(RecordKind.class);
    for (RecordKind kind : RecordKind.values()) {
      Path file = folder.resolve(KindRules.fileName(kind));
      if (Files.isRegularFile(file)) {
        files.put(kind, file);
      }
    }
    return files;
  }

  /**
   * Checks the files together by the rules of §1. Phases need the rates of their currencies: the
   * folder's fx.csv, or the workspace's stored rates when the folder has none.
   */
  private void validate(Workspace workspace, Map<RecordKind, Path> files) {
    Path temporary = null;
    Map<String, String> originals = new java.util.HashMap<>();
    try {
      temporary = Files.createTempDirectory("upshift-import-");
      Map<RecordKind, Path> read = new EnumMap<>(RecordKind.class);
      for (Map.Entry<RecordKind, Path> file : files.entrySet()) {
        checkNoNul(file.getValue());
        Path copy = withoutIds(file.getValue(), temporary);
        originals.put(copy.toString(), file.getValue().toString());
        read.put(file.getKey(), copy);
      }
      Path subscriptions = read.get(RecordKind.PHASES);
      if (subscriptions == null) {
        subscriptions = Files.writeString(temporary.resolve("subscriptions.csv"),
            "customer_id,arr,start_date\n");
      }
      Path fx = read.get(RecordKind.FX);
      if (fx == null && files.containsKey(RecordKind.PHASES)) {
        fx = storedRates(workspace, temporary.resolve("fx.csv"));
      }
      DatasetReader.read(InputFiles.of(subscriptions)
          .withCustomers(read.get(RecordKind.CUSTOMERS))
          .withPlans(read.get(RecordKind.PLANS))
          .withHealth(read.get(RecordKind.HEALTH))
          .withTargets(read.get(RecordKind.TARGETS))
          .withFx(fx));
      if (read.containsKey(RecordKind.INITIATIVES)) {
        InitiativesReader.read(read.get(RecordKind.INITIATIVES));
      }
    } catch (InputException e) {
      // Errors of a copy without its id column name the file the user gave.
      throw new InputException(e.errors().stream().map(error -> new InputError(
          originals.getOrDefault(error.file(), error.file()), error.line(), error.column(),
          error.code(), error.reason())).toList(), e.totalErrors());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (temporary != null) {
        try (var paths = Files.walk(temporary)) {
          paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
          // a leftover temporary file is harmless
        }
      }
    }
  }

  /**
   * The file as the readers of §1 can read it: itself, or, when it has an {@code id} column (which
   * subscriptions.csv would refuse as unknown), a copy without it, line for line, so that errors
   * keep their line numbers. Checks the ids on the way: each 1-256 characters, none twice.
   */
  private static Path withoutIds(Path file, Path temporary) throws IOException {
    String name = file.getFileName().toString();
    List<String> header;
    try (CsvReader<CsvRecord> csv = CsvReader.builder().detectBomHeader(true)
        .ofCsvRecord(file, StandardCharsets.UTF_8)) {
      var first = csv.iterator();
      if (!first.hasNext()) {
        return file;
      }
      header = first.next().getFields().stream()
          .map(cell -> cell.strip().toLowerCase(Locale.ROOT)).toList();
    }
    int idColumn = header.indexOf(BatchParser.ID);
    if (idColumn < 0) {
      return file;
    }
    Path copy = temporary.resolve(name);
    List<InputError> errors = new ArrayList<>();
    long errorCount = 0;
    Map<String, Long> lineOf = new java.util.HashMap<>();
    try (CsvReader<CsvRecord> csv = CsvReader.builder().detectBomHeader(true)
            .ignoreDifferentFieldCount(true).ofCsvRecord(file, StandardCharsets.UTF_8);
        de.siegmar.fastcsv.writer.CsvWriter out = de.siegmar.fastcsv.writer.CsvWriter.builder()
            .lineDelimiter(de.siegmar.fastcsv.writer.LineDelimiter.LF).build(copy)) {
      long written = 0;
      for (CsvRecord record : csv) {
        long line = record.getStartingLineNumber();
        while (written + 1 < line) {
          out.writeRecord(""); // blank lines keep their place
          written++;
        }
        List<String> cells = new ArrayList<>(record.getFields());
        if (written > 0 && idColumn < cells.size()) {
          String id = cells.get(idColumn).strip();
          String effective = id.isEmpty() ? name + ":" + line : id;
          String problem = null;
          InputErrorCode code = InputErrorCode.BAD_ID;
          if (!DataRecord.isValidId(effective)) {
            try {
              DataRecord.checkId(effective);
            } catch (IllegalArgumentException e) {
              problem = e.getMessage();
            }
          } else if (lineOf.putIfAbsent(effective, line) != null) {
            code = InputErrorCode.DUPLICATE_ID;
            problem = "id \"" + effective + "\" is also the id of the row on line "
                + lineOf.get(effective);
          }
          if (problem != null && errorCount++ < 100) {
            errors.add(new InputError(file.toString(), line, BatchParser.ID, code, problem));
          }
        }
        if (idColumn < cells.size()) {
          cells.remove(idColumn);
        }
        out.writeRecord(cells);
        written += 1 + cells.stream().mapToLong(cell -> cell.chars().filter(c -> c == '\n').count()).sum();
      }
    }
    if (errorCount > 0) {
      throw new InputException(errors, errorCount);
    }
    return copy;
  }

  /** The workspace's stored rates as fx.csv, or {@code null} when it has none. */
  private Path storedRates(Workspace workspace, Path file) throws IOException {
    List<DataRecord> rates = store.read(workspace, snapshot -> {
      List<DataRecord> all = new ArrayList<>();
      snapshot.forEach(RecordKind.FX, all::add);
      return all;
    });
    if (rates.isEmpty()) {
      return null;
    }
    try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      out.write("currency,rate\n");
      for (DataRecord rate : rates) {
        out.write(rate.fields().getOrDefault("currency", "") + ","
            + rate.fields().getOrDefault("rate", "") + "\n");
      }
    }
    return file;
  }

  /**
   * A NUL in a value cannot be stored as a customer id nor sent through the API ({@code bad_value});
   * found by a byte scan, since a NUL byte in UTF-8 is always the NUL character.
   */
  private static void checkNoNul(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
      long line = 1;
      while (channel.read(buffer.clear()) > 0) {
        buffer.flip();
        while (buffer.hasRemaining()) {
          byte b = buffer.get();
          if (b == '\n') {
            line++;
          } else if (b == 0) {
            throw new InputException(new InputError(file.toString(), line, null,
                InputErrorCode.BAD_VALUE, "holds a NUL character, which a record cannot hold"));
          }
        }
      }
    }
  }

  /**
   * A batch as read: its records (fields as the store keeps them), the line each starts on, and,
   * for a kind loaded without checks, the batch prepared for the store.
   */
  private record Chunk(List<DataRecord> records, long[] lines, PreparedBatch prepared) {
    Batch asBatch() {
      List<IncomingRecord> rows = new ArrayList<>(records.size());
      for (int i = 0; i < records.size(); i++) {
        DataRecord record = records.get(i);
        rows.add(new IncomingRecord(i, lines[i], record.id(), record.fields()));
      }
      return new Batch(rows, List.of());
    }
  }

  /** The end of a file's chunks. */
  private static final Chunk END = new Chunk(List.of(), new long[0], null);

  /**
   * Loads one kind's file; returns its counts. A thread reads and prepares the next batch while
   * this one writes the previous: the store's writing and everything else share the two cores.
   */
  private Counts load(Workspace workspace, RecordKind kind, Path file, IngestMode mode) {
    boolean fresh = store.list(workspace, kind, 1, null).records().isEmpty();
    if (!fresh) {
      dryRun(workspace, kind, file);
    }
    boolean prepare = fresh;
    BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(2);
    RuntimeException[] failure = new RuntimeException[1];
    Thread reader = new Thread(() -> {
      try {
        read(file, (records, lines) -> chunks.put(
            new Chunk(records, lines, prepare ? PreparedBatch.of(records) : null)));
        chunks.put(END);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        failure[0] = e;
        chunks.offer(END);
      }
    }, "upshift-import-reader");
    reader.setDaemon(true);
    reader.start();
    Counts counts = new Counts(0, 0, 0);
    long expected = store.dataVersion(workspace);
    long nextReport = 1_000_000;
    long waited = 0;
    long began = System.nanoTime();
    try {
      while (true) {
        long waitStart = System.nanoTime();
        Chunk chunk = take(chunks);
        waited += System.nanoTime() - waitStart;
        if (chunk == END) {
          break;
        }
        IngestResult result = null;
        if (fresh) {
          try {
            result = store.create(workspace, kind, chunk.prepared(), expected);
          } catch (StoreException e) {
            if (e.code() != StoreException.Code.DATA_VERSION_CHANGED
                && e.code() != StoreException.Code.RECORD_EXISTS) {
              throw e;
            }
            fresh = false; // another writer came in: check the rest against what it stored
          }
        }
        if (result == null) {
          result = ingest(workspace, kind, file, chunk.asBatch(), mode);
        }
        if (!result.stored()) {
          throw refused(file, result.conflicts());
        }
        expected = result.dataVersion();
        counts = counts.plus(result);
        if (counts.total() >= nextReport) {
          progress.accept(String.format(Locale.ROOT, "%s: %,d records…", file.getFileName(),
              counts.total()));
          nextReport += 1_000_000;
        }
      }
    } finally {
      reader.interrupt();
    }
    if (failure[0] != null) {
      throw failure[0];
    }
    progress.accept(String.format(Locale.ROOT, "%s: loaded in %.1f s, %.1f s of it waiting for"
        + " the file to be read", file.getFileName(), (System.nanoTime() - began) / 1e9,
        waited / 1e9));
    return counts;
  }

  private IngestResult ingest(Workspace workspace, RecordKind kind, Path file, Batch batch,
      IngestMode mode) {
    try {
      return ingestor.ingest(workspace, kind, batch, mode);
    } catch (Ingestor.InvalidRecords e) {
      throw refused(file, e.errors(), e.count());
    } catch (Ingestor.Conflict e) {
      throw refused(file, e.ids());
    }
  }

  /** Checks every batch against the stored records, storing nothing; throws at the first clash. */
  private void dryRun(Workspace workspace, RecordKind kind, Path file) {
    read(file, (records, lines) -> {
      Batch batch = new Chunk(records, lines, null).asBatch();
      BatchValidator.Checked checked = ingestor.check(workspace, kind, batch);
      if (!checked.valid()) {
        throw refused(file, checked.errors(), checked.errorCount());
      }
    });
  }

  private static Chunk take(BlockingQueue<Chunk> chunks) {
    try {
      return chunks.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("import interrupted", e);
    }
  }

  /** Something that takes a batch of records and the lines they start on. */
  @FunctionalInterface
  private interface ChunkConsumer {
    void accept(List<DataRecord> records, long[] lines) throws InterruptedException;
  }

  /**
   * Reads the file's rows in batches as the store keeps records: names trimmed and lower-cased,
   * values trimmed, empty cells left out; the id from an {@code id} column, else {@code <file
   * name>:<line>}.
   */
  private void read(Path file, ChunkConsumer consumer) {
    String name = file.getFileName().toString();
    try (CsvReader<CsvRecord> csv = CsvReader.builder().skipEmptyLines(true)
        .detectBomHeader(true).ofCsvRecord(file, StandardCharsets.UTF_8)) {
      String[] header = null;
      int idColumn = -1;
      List<DataRecord> records = new ArrayList<>(batchSize);
      long[] lines = new long[batchSize];
      for (CsvRecord record : csv) {
        if (header == null) {
          header = record.getFields().stream()
              .map(cell -> cell.strip().toLowerCase(Locale.ROOT)).toArray(String[]::new);
          idColumn = List.of(header).indexOf(BatchParser.ID);
          continue;
        }
        if (record.getFieldCount() == 1 && record.getField(0).isBlank()) {
          continue; // a blank line, as the reader skips it
        }
        TreeMap<String, String> fields = new TreeMap<>();
        String id = null;
        for (int i = 0; i < header.length && i < record.getFieldCount(); i++) {
          String value = record.getField(i).strip();
          if (i == idColumn) {
            id = value;
          } else if (!header[i].isEmpty() && !value.isEmpty()) {
            fields.putIfAbsent(header[i], value);
          }
        }
        long line = record.getStartingLineNumber();
        lines[records.size()] = line;
        records.add(new DataRecord(id == null || id.isEmpty() ? name + ":" + line : id, fields));
        if (records.size() == batchSize) {
          consumer.accept(records, lines);
          records = new ArrayList<>(batchSize);
          lines = new long[batchSize];
        }
      }
      if (!records.isEmpty()) {
        consumer.accept(records, java.util.Arrays.copyOf(lines, records.size()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("import interrupted", e);
    }
  }

  private static Refused refused(Path file, List<RecordError> errors, long count) {
    List<InputError> listed = new ArrayList<>();
    for (RecordError error : errors) {
      String message = error.id() != null && error.line() == null
          ? "record \"" + error.id() + "\": " + error.message() : error.message();
      listed.add(new InputError(file.toString(), error.line() == null ? 0 : error.line(),
          error.field(), error.code(), message));
    }
    return new Refused(listed, count, count + (count == 1 ? " error" : " errors") + " against the"
        + " workspace's stored records in " + file);
  }

  private static Refused refused(Path file, List<String> conflicts) {
    List<InputError> listed = new ArrayList<>();
    for (String id : conflicts.subList(0, Math.min(100, conflicts.size()))) {
      listed.add(new InputError(file.toString(), 0, null, InputErrorCode.CHANGED_RECORD,
          "record \"" + id + "\" is stored with different content; import with --correct to"
              + " replace it"));
    }
    return new Refused(listed, conflicts.size(), conflicts.size() + " records of " + file
        + " differ from the stored records of the same ids");
  }
}
