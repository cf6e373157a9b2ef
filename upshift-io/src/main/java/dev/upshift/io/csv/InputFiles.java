package dev.upshift.io.csv;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * The files of one read and how to read them. Immutable; build it with {@link #of(Path)} and the
 * {@code with…} methods:
 *
 * <pre>{@code
 * InputFiles files = InputFiles.of(Path.of("subscriptions.csv"))
 *     .withPlans(Path.of("plans.csv"))
 *     .withFx(Path.of("fx.csv"))
 *     .withCurrency("EUR")
 *     .withOnError(OnError.SKIP);
 * }</pre>
 *
 * <p>Each path's {@code toString()} is the file name in error messages, so pass paths as the user
 * typed them.
 *
 * @param subscriptions {@code subscriptions.csv}, required
 * @param customers {@code customers.csv}, or {@code null}
 * @param plans {@code plans.csv}, or {@code null}
 * @param health {@code health.csv}, or {@code null}
 * @param targets {@code targets.csv}, or {@code null}
 * @param fx {@code fx.csv}, or {@code null}
 * @param currency the reporting currency, an ISO 4217 code (any case; kept upper-case)
 * @param onError the error policy
 * @param rejects where {@link OnError#SKIP} writes dropped rows, or {@code null} for the default
 *     (see {@link #rejectsFile()})
 * @param mapping how the files' columns become §1 columns
 * @param endDates what an {@code end_date} in subscriptions.csv means
 */
public record InputFiles(Path subscriptions, Path customers, Path plans, Path health, Path targets,
    Path fx, String currency, OnError onError, Path rejects, ColumnMapping mapping,
    EndDates endDates) {

  /** The reporting currency when none is configured (§1.1). */
  public static final String DEFAULT_CURRENCY = "USD";

  public InputFiles {
    requireNonNull(subscriptions, "subscriptions is null");
    requireNonNull(currency, "currency is null");
    requireNonNull(onError, "onError is null");
    requireNonNull(mapping, "mapping is null");
    requireNonNull(endDates, "endDates is null");
    String code = CurrencyCode.normalise(currency.strip());
    if (code == null) {
      throw new IllegalArgumentException(
          "currency must be a three-letter ISO 4217 code: \"" + currency + "\"");
    }
    currency = code;
    if (rejects != null && sameFile(rejects, subscriptions)) {
      throw new IllegalArgumentException("the rejects file must not be the input: " + rejects);
    }
  }

  private static boolean sameFile(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  /** Only subscriptions, in USD, failing on any error. */
  public static InputFiles of(Path subscriptions) {
    return new InputFiles(subscriptions, null, null, null, null, null, DEFAULT_CURRENCY,
        OnError.FAIL, null, ColumnMapping.NONE, EndDates.EXCLUSIVE);
  }

  public InputFiles withCustomers(Path path) {
    return new InputFiles(subscriptions, path, plans, health, targets, fx, currency, onError,
        rejects, mapping, endDates);
  }

  public InputFiles withPlans(Path path) {
    return new InputFiles(subscriptions, customers, path, health, targets, fx, currency, onError,
        rejects, mapping, endDates);
  }

  public InputFiles withHealth(Path path) {
    return new InputFiles(subscriptions, customers, plans, path, targets, fx, currency, onError,
        rejects, mapping, endDates);
  }

  public InputFiles withTargets(Path path) {
    return new InputFiles(subscriptions, customers, plans, health, path, fx, currency, onError,
        rejects, mapping, endDates);
  }

  public InputFiles withFx(Path path) {
    return new InputFiles(subscriptions, customers, plans, health, targets, path, currency,
        onError, rejects, mapping, endDates);
  }

  public InputFiles withCurrency(String code) {
    return new InputFiles(subscriptions, customers, plans, health, targets, fx, code, onError,
        rejects, mapping, endDates);
  }

  public InputFiles withOnError(OnError policy) {
    return new InputFiles(subscriptions, customers, plans, health, targets, fx, currency, policy,
        rejects, mapping, endDates);
  }

  public InputFiles withRejects(Path path) {
    return new InputFiles(subscriptions, customers, plans, health, targets, fx, currency, onError,
        path, mapping, endDates);
  }

  public InputFiles withMapping(ColumnMapping columns) {
    return new InputFiles(subscriptions, customers, plans, health, targets, fx, currency, onError,
        rejects, columns, endDates);
  }

  public InputFiles withEndDates(EndDates convention) {
    return new InputFiles(subscriptions, customers, plans, health, targets, fx, currency, onError,
        rejects, mapping, convention);
  }

  /**
   * Where {@link OnError#SKIP} writes dropped rows: {@link #rejects()} when set, else next to the
   * subscriptions file with {@code .rejects.csv} in place of its extension
   * ({@code data/subscriptions.csv} → {@code data/subscriptions.rejects.csv}).
   */
  public Path rejectsFile() {
    if (rejects != null) {
      return rejects;
    }
    String name = subscriptions.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    return subscriptions.resolveSibling(stem + ".rejects.csv");
  }
}
