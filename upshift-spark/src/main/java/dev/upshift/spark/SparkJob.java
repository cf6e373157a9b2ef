package dev.upshift.spark;

import static java.util.Objects.requireNonNull;

import dev.upshift.analysis.AnalysisOptions;
import dev.upshift.io.csv.InputFiles;
import dev.upshift.io.csv.OnError;
import dev.upshift.report.ReportOptions;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One report to compute on Spark: where the phases are, the optional files, the options of §7.1,
 * and what to write besides the report. Immutable; made with {@link #builder()}:
 *
 * <pre>{@code
 * SparkJob job = SparkJob.builder()
 *     .subscriptions("s3a://lake/phases/")          // CSV or Parquet: a file, a directory, a glob
 *     .plans("s3a://lake/plans.csv")
 *     .options(ReportOptions.builder().grain(Grain.QUARTER).build())
 *     .ledger("s3a://lake/upshift/ledger")           // Parquet, partitioned by period
 *     .build();
 * }</pre>
 *
 * <p>Paths are anything Spark's Hadoop file systems read ({@code s3a://}, {@code hdfs://}, a local
 * path). The phases may instead be a DataFrame ({@link Builder#phases(Dataset, String)}).
 */
public final class SparkJob {
  /** The format of the subscriptions input. */
  public enum Format {
    CSV, PARQUET;

    /**
     * The format a path's name suggests: Parquet when it ends in {@code .parquet} (or {@code
     * .parq}), else CSV. A directory of Parquet files is best named explicitly.
     */
    public static Format guess(String path) {
      String name = path.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
      return name.endsWith(".parquet") || name.endsWith(".parq") ? PARQUET : CSV;
    }
  }

  private final String subscriptions;
  private final Format format;
  private final Dataset<Row> phases;
  private final String phasesName;
  private final String customers;
  private final String plans;
  private final String health;
  private final String targets;
  private final String fx;
  private final String initiatives;
  private final String currency;
  private final OnError onError;
  private final String rejects;
  private final String ledger;
  private final ReportOptions options;
  private final AnalysisOptions analysis;
  private final Integer partitions;

  private SparkJob(Builder b) {
    if ((b.subscriptions == null) == (b.phases == null)) {
      throw new IllegalArgumentException("give the subscriptions as a path or as a DataFrame");
    }
    if (b.partitions != null && b.partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1: " + b.partitions);
    }
    this.subscriptions = b.subscriptions;
    this.format = b.format != null || b.subscriptions == null ? b.format
        : Format.guess(b.subscriptions);
    this.phases = b.phases;
    this.phasesName = b.phasesName;
    this.customers = b.customers;
    this.plans = b.plans;
    this.health = b.health;
    this.targets = b.targets;
    this.fx = b.fx;
    this.initiatives = b.initiatives;
    this.currency = requireNonNull(b.currency, "currency is null");
    this.onError = requireNonNull(b.onError, "onError is null");
    this.rejects = b.rejects;
    this.ledger = b.ledger;
    this.options = requireNonNull(b.options, "options is null");
    this.analysis = b.analysis;
    this.partitions = b.partitions;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The subscriptions path, or {@code null} when the phases are a DataFrame. */
  public String subscriptions() {
    return subscriptions;
  }

  /** The subscriptions format, or {@code null} when the phases are a DataFrame. */
  public Format format() {
    return format;
  }

  /** The phases as a DataFrame, or {@code null} when they are read from a path. */
  public Dataset<Row> phases() {
    return phases;
  }

  /** The name errors give a DataFrame of phases. */
  public String phasesName() {
    return phasesName;
  }

  public String customers() {
    return customers;
  }

  public String plans() {
    return plans;
  }

  public String health() {
    return health;
  }

  public String targets() {
    return targets;
  }

  public String fx() {
    return fx;
  }

  public String initiatives() {
    return initiatives;
  }

  /** The reporting currency. */
  public String currency() {
    return currency;
  }

  public OnError onError() {
    return onError;
  }

  /**
   * Where {@link OnError#SKIP} writes the dropped rows (a CSV directory): as given, else the
   * subscriptions path with {@code .rejects} in place of its extension, else {@code null}.
   */
  public String rejects() {
    if (rejects != null || subscriptions == null) {
      return rejects;
    }
    String base = subscriptions.replaceAll("/+$", "");
    int slash = base.lastIndexOf('/');
    int dot = base.lastIndexOf('.');
    return (dot > slash + 1 ? base.substring(0, dot) : base) + ".rejects";
  }

  /** Where the ledger is written (Parquet, partitioned by period), or {@code null}. */
  public String ledger() {
    return ledger;
  }

  public ReportOptions options() {
    return options;
  }

  /** The analysis settings, or {@code null} without the analysis. */
  public AnalysisOptions analysis() {
    return analysis;
  }

  /** The number of partitions of the customer shuffle, or {@code null} for Spark's setting. */
  public Integer partitions() {
    return partitions;
  }

  /** Assembles a {@link SparkJob}; only the subscriptions and the options are required. */
  public static final class Builder {
    private String subscriptions;
    private Format format;
    private Dataset<Row> phases;
    private String phasesName = "phases";
    private String customers;
    private String plans;
    private String health;
    private String targets;
    private String fx;
    private String initiatives;
    private String currency = InputFiles.DEFAULT_CURRENCY;
    private OnError onError = OnError.FAIL;
    private String rejects;
    private String ledger;
    private ReportOptions options = ReportOptions.builder().build();
    private AnalysisOptions analysis;
    private Integer partitions;

    private Builder() {}

    /** The subscriptions input: a file, directory or glob, its format guessed from the name. */
    public Builder subscriptions(String path) {
      subscriptions = path;
      return this;
    }

    /** The subscriptions input in a given format. */
    public Builder subscriptions(String path, Format value) {
      subscriptions = path;
      format = value;
      return this;
    }

    /** The phases as a DataFrame with the columns of §1.1; errors name it {@code name}. */
    public Builder phases(Dataset<Row> frame, String name) {
      phases = frame;
      phasesName = requireNonNull(name, "name is null");
      return this;
    }

    public Builder customers(String path) {
      customers = path;
      return this;
    }

    public Builder plans(String path) {
      plans = path;
      return this;
    }

    public Builder health(String path) {
      health = path;
      return this;
    }

    public Builder targets(String path) {
      targets = path;
      return this;
    }

    public Builder fx(String path) {
      fx = path;
      return this;
    }

    public Builder initiatives(String path) {
      initiatives = path;
      return this;
    }

    public Builder currency(String code) {
      currency = code;
      return this;
    }

    public Builder onError(OnError policy) {
      onError = policy;
      return this;
    }

    public Builder rejects(String path) {
      rejects = path;
      return this;
    }

    public Builder ledger(String path) {
      ledger = path;
      return this;
    }

    public Builder options(ReportOptions value) {
      options = value;
      return this;
    }

    /** Adds the analysis (§6.2–§6.6) with these settings; {@code null} for none. */
    public Builder analysis(AnalysisOptions value) {
      analysis = value;
      return this;
    }

    public Builder partitions(Integer value) {
      partitions = value;
      return this;
    }

    public SparkJob build() {
      return new SparkJob(this);
    }
  }
}
