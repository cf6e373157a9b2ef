package dev.upshift.state;

import java.util.Locale;
import java.util.Optional;

/** Which phases make up a customer's state on a day (§2.3). */
public enum Book {
  /** Phases count on their effective dates, whenever they were signed. */
  LIVE,
  /** Phases and endings count from the day they were signed; ending ARR is CARR. */
  CONTRACTED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Book> parse(String text) {
    for (Book book : values()) {
      if (book.code().equalsIgnoreCase(text.trim())) {
        return Optional.of(book);
      }
    }
    return Optional.empty();
  }
}
