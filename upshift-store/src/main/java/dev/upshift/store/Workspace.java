package dev.upshift.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A workspace: the unit of isolation. Every record and key belongs to exactly one, and nothing of
 * one is ever visible through another. Immutable.
 *
 * @param id the store's number for it; means nothing outside the store
 * @param name unique, as given to {@code upshift workspace create}
 * @param createdAt when it was created
 */
public record Workspace(long id, String name, Instant createdAt) {

  // Names appear in URLs and command lines: keep them to characters that need no quoting.
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  public Workspace {
    if (id <= 0) {
      throw new IllegalArgumentException("id <= 0: " + id);
    }
    checkName(name);
    requireNonNull(createdAt, "createdAt is null");
  }

  /** Whether {@link #checkName} accepts the name: a lookup of any other string finds nothing. */
  public static boolean isValidName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  /**
   * Checks a workspace name: 1–128 characters, letters, digits, {@code .}, {@code _} and {@code -},
   * starting with a letter or digit.
   *
   * @return the name
   * @throws IllegalArgumentException naming the rule it breaks
   */
  public static String checkName(String name) {
    requireNonNull(name, "name is null");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "workspace name must be 1-128 letters, digits, '.', '_' or '-', starting with a letter or"
              + " digit: \"" + name + "\"");
    }
    return name;
  }
}
