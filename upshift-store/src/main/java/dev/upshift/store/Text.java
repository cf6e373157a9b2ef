package dev.upshift.store;

/**
 * What text the store accepts in ids and labels: no control characters (a person cannot type them,
 * and PostgreSQL's text type refuses NUL) and no unpaired surrogates (they have no UTF-8 form).
 */
final class Text {

  private Text() {}

  /**
   * Whether a value can be a column of its own in both databases: no NUL (PostgreSQL's text
   * refuses it) and no unpaired surrogate (no UTF-8 form). Content is JSON, which escapes both.
   */
  static boolean isColumnText(String text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return false;
      }
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** The length in characters (code points), or -1 if the text holds something not storable. */
  static int storableLength(String text) {
    int length = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        return -1;
      }
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return -1;
      }
      length++;
    }
    return length;
  }
}
