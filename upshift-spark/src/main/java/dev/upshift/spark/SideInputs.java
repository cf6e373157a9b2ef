package dev.upshift.spark;

import dev.upshift.analysis.Initiative;
import dev.upshift.input.InputError;
import dev.upshift.input.InputErrorCode;
import dev.upshift.input.InputException;
import dev.upshift.io.csv.DatasetReader;
import dev.upshift.io.csv.InitiativesReader;
import dev.upshift.io.csv.InputFiles;
import dev.upshift.io.csv.SideFiles;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.spark.sql.SparkSession;

/**
 * The small input files (§1.2, fx.csv, initiatives.csv), read once on the driver by the same
 * readers and rules as on one machine. They may be anywhere Spark reads (HDFS, object storage):
 * such a file is copied to a temporary local file first, and errors name it as it was given.
 */
final class SideInputs {
  private SideInputs() {}

  /** Reads and validates the side files of a job. */
  static SideFiles read(SparkSession spark, SparkJob job) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Path temporary;
    try {
      temporary = Files.createTempDirectory("upshift-side");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> given = new HashMap<>();
    try {
      InputFiles files = InputFiles.of(Path.of("subscriptions"))
          .withCustomers(local(conf, job.customers(), temporary, given))
          .withPlans(local(conf, job.plans(), temporary, given))
          .withHealth(local(conf, job.health(), temporary, given))
          .withTargets(local(conf, job.targets(), temporary, given))
          .withFx(local(conf, job.fx(), temporary, given))
          .withCurrency(job.currency());
      try {
        return DatasetReader.readSideFiles(files);
      } catch (InputException e) {
        throw renamed(e, given);
      }
    } finally {
      delete(temporary);
    }
  }

  /** The initiatives of the analysis (§6.5), or none when no file is given. */
  static List<Initiative> initiatives(SparkSession spark, String file) {
    if (file == null) {
      return List.of();
    }
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file);
    try (InputStream in = path.getFileSystem(spark.sparkContext().hadoopConfiguration())
        .open(path)) {
      return InitiativesReader.read(in, file);
    } catch (FileNotFoundException e) {
      throw missing(file);
    } catch (IOException e) {
      throw new InputException(new InputError(file, 0, null, InputErrorCode.UNREADABLE_FILE,
          "cannot read the file: " + e.getMessage()));
    }
  }

  /**
   * A local path for a file: the file itself when it is on the local file system (named as
   * given), else a copy in {@code temporary} (whose name is mapped back in {@code given}).
   */
  private static Path local(Configuration conf, String file, Path temporary,
      Map<String, String> given) {
    if (file == null) {
      return null;
    }
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file);
    try {
      FileSystem fs = path.getFileSystem(conf);
      if (fs instanceof LocalFileSystem && path.toUri().getScheme() == null) {
        return Path.of(file);
      }
      Path copy = temporary.resolve(given.size() + "-" + path.getName());
      fs.copyToLocalFile(false, path, new org.apache.hadoop.fs.Path(copy.toUri()), true);
      given.put(copy.toString(), file);
      return copy;
    } catch (FileNotFoundException e) {
      throw missing(file);
    } catch (IOException e) {
      throw new InputException(new InputError(file, 0, null, InputErrorCode.UNREADABLE_FILE,
          "cannot read the file: " + e.getMessage()));
    }
  }

  private static InputException missing(String file) {
    return new InputException(
        new InputError(file, 0, null, InputErrorCode.NO_SUCH_FILE, "no such file"));
  }

  private static InputException renamed(InputException e, Map<String, String> given) {
    List<InputError> errors = e.errors().stream()
        .map(error -> new InputError(given.getOrDefault(error.file(), error.file()), error.line(),
            error.column(), error.code(), error.reason()))
        .toList();
    return new InputException(errors, e.totalErrors());
  }

  private static void delete(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind is harmless.
    }
  }
}
