package dev.upshift.store;

import java.util.Locale;
import java.util.Optional;

/**
 * What a key may do (SPEC §8.2). Scopes nest: {@code admin} can do all that {@code write} can, and
 * {@code write} all that {@code read} can. The order of the constants is that nesting.
 */
public enum KeyScope {
  READ,
  WRITE,
  ADMIN;

  /** Whether a key of this scope may do what needs {@code needed}. */
  public boolean allows(KeyScope needed) {
    return compareTo(needed) >= 0;
  }

  /** The lower-case name used in the API and the store, e.g. {@code write}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The scope with this wire name (exact, lower case), or empty. */
  public static Optional<KeyScope> fromWireName(String name) {
    for (KeyScope scope : values()) {
      if (scope.wireName().equals(name)) {
        return Optional.of(scope);
      }
    }
    return Optional.empty();
  }
}
