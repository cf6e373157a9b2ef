package dev.upshift.cli;

import dev.upshift.io.csv.OnError;
import dev.upshift.metric.RateCounting;
import dev.upshift.state.Book;
import dev.upshift.time.Grain;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The values an enum-typed option accepts, spelt as SPEC §7.1 spells them: lower case, matched
 * case-insensitively after trimming. One subclass per option type serves picocli both as the
 * option's {@code converter} and as its {@code completionCandidates}, so the values listed in help
 * and shell completion are exactly those accepted. A bad value is a usage error (exit 2) whose one
 * line names the option and lists the allowed values, e.g. {@code Invalid value for option
 * '--grain': 'week' is not month, quarter or year}.
 *
 * <p>picocli's own enum conversion is not used: it would list the constants' upper-case names in
 * its message, and it upper-cases the input in the default locale (in Turkish, {@code "live"}
 * would not match {@code LIVE}).
 *
 * <p>Immutable.
 *
 * @param <E> the option's enum type
 */
abstract class EnumValues<E extends Enum<E>> implements ITypeConverter<E>, Iterable<String> {
  private final List<E> allowed;
  private final Function<E, String> code;

  EnumValues(List<E> allowed, Function<E, String> code) {
    this.allowed = List.copyOf(allowed);
    this.code = code;
  }

  /** Values spelt as their lower-cased constant names. */
  EnumValues(E[] allowed) {
    this(List.of(allowed), value -> value.name().toLowerCase(Locale.ROOT));
  }

  @Override
  public E convert(String text) {
    String wanted = text.trim();
    for (E value : allowed) {
      if (code.apply(value).equalsIgnoreCase(wanted)) {
        return value;
      }
    }
    throw new TypeConversionException("'" + text + "' is not " + choices());
  }

  /** The accepted spellings, in declaration order. */
  @Override
  public Iterator<String> iterator() {
    return allowed.stream().map(code).iterator();
  }

  /** {@code "month, quarter or year"}. */
  private String choices() {
    List<String> codes = allowed.stream().map(code).toList();
    int last = codes.size() - 1;
    return last == 0 ? codes.get(0)
        : String.join(", ", codes.subList(0, last)) + " or " + codes.get(last);
  }

  /** {@code --grain}. */
  static final class Grains extends EnumValues<Grain> {
    Grains() {
      super(List.of(Grain.values()), Grain::code);
    }
  }

  /** {@code --cohort-grain}: cohorts are by first-active month or quarter (§6.2), not year. */
  static final class CohortGrains extends EnumValues<Grain> {
    CohortGrains() {
      super(List.of(Grain.MONTH, Grain.QUARTER), Grain::code);
    }
  }

  /** {@code --book}. */
  static final class Books extends EnumValues<Book> {
    Books() {
      super(List.of(Book.values()), Book::code);
    }
  }

  /** {@code --rate-counting}. */
  static final class RateCountings extends EnumValues<RateCounting> {
    RateCountings() {
      super(List.of(RateCounting.values()), RateCounting::code);
    }
  }

  /** {@code --on-error}. */
  static final class OnErrors extends EnumValues<OnError> {
    OnErrors() {
      super(OnError.values());
    }
  }

  /** {@code --end-dates}. */
  static final class EndDateConventions extends EnumValues<dev.upshift.io.csv.EndDates> {
    EndDateConventions() {
      super(dev.upshift.io.csv.EndDates.values());
    }
  }
}
