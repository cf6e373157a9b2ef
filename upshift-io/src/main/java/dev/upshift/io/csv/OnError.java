package dev.upshift.io.csv;

/** What to do with bad input (§1.3, {@code --on-error}). */
public enum OnError {
  /** Any error fails the read, after every file has been checked so all errors can be listed. */
  FAIL,
  /**
   * Bad rows of {@code subscriptions.csv} are dropped, counted and written with their reasons to a
   * rejects file. Errors in the optional files, and problems of a whole file (its header, an
   * unterminated quote), still fail: dropping a plan, a customer or an FX rate would silently
   * change every number that depends on it, and a file-level problem concerns more than one row.
   */
  SKIP
}
