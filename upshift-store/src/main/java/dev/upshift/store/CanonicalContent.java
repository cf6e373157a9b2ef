package dev.upshift.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The one text form of a record's fields the store keeps: a flat JSON object of strings, names
 * ascending, no spaces, escaping only {@code "}, {@code \}, C0 control characters, DEL and unpaired
 * surrogates (as {@code \}{@code uXXXX}). Equal field maps give equal text, so equal content is
 * equal SHA-256 hashes and the store compares hashes instead of texts. The text is valid JSON that
 * any tool can read, and never holds a NUL or an unpaired surrogate, which PostgreSQL's text type
 * would refuse.
 */
final class CanonicalContent {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private CanonicalContent() {}

  /** The canonical JSON text of fields sorted by name. */
  static String write(SortedMap<String, String> fields) {
    int length = 2;
    for (Map.Entry<String, String> field : fields.entrySet()) {
      length += field.getKey().length() + field.getValue().length() + 6;
    }
    StringBuilder out = new StringBuilder(length); // exact unless something needs escaping
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, String> field : fields.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      writeString(out, field.getKey());
      out.append(':');
      writeString(out, field.getValue());
    }
    return out.append('}').toString();
  }

  private static void writeString(StringBuilder out, String s) {
    out.append('"');
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        escape(out, c);
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        out.append(c).append(s.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        escape(out, c);
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  private static void escape(StringBuilder out, char c) {
    out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf])
        .append(HEX[c & 0xf]);
  }

  /**
   * Reads text written by {@link #write}. Only that form is accepted: this reads the store's own
   * column, not input from clients.
   *
   * @throws IllegalStateException if the text is not in the canonical form (a corrupt row)
   */
  static TreeMap<String, String> read(String text) {
    TreeMap<String, String> fields = new TreeMap<>();
    Reader reader = new Reader(text);
    reader.expect('{');
    if (reader.peek() == '}') {
      reader.pos++;
    } else {
      do {
        String name = reader.string();
        reader.expect(':');
        fields.put(name, reader.string());
      } while (reader.next() == ',');
      reader.pos--;
      reader.expect('}');
    }
    if (reader.pos != text.length()) {
      throw reader.corrupt();
    }
    return fields;
  }

  private static final class Reader {
    private final String text;
    private int pos;

    Reader(String text) {
      this.text = text;
    }

    char peek() {
      if (pos >= text.length()) {
        throw corrupt();
      }
      return text.charAt(pos);
    }

    char next() {
      char c = peek();
      pos++;
      return c;
    }

    void expect(char c) {
      if (next() != c) {
        throw corrupt();
      }
    }

    String string() {
      expect('"');
      int start = pos;
      int end = text.indexOf('"', start);
      if (end < 0) {
        throw corrupt();
      }
      int backslash = text.indexOf('\\', start);
      if (backslash < 0 || backslash > end) {
        pos = end + 1; // the common case: nothing escaped
        return text.substring(start, end);
      }
      StringBuilder out = new StringBuilder(end - start);
      for (char c = next(); c != '"'; c = next()) {
        if (c != '\\') {
          out.append(c);
        } else if (peek() == 'u') {
          pos++;
          if (pos + 4 > text.length()) {
            throw corrupt();
          }
          out.append((char) Integer.parseInt(text, pos, pos + 4, 16));
          pos += 4;
        } else {
          out.append(next());
        }
      }
      return out.toString();
    }

    IllegalStateException corrupt() {
      return new IllegalStateException("stored record content is not canonical JSON at " + pos
          + ": " + text.substring(0, Math.min(text.length(), 80)));
    }
  }

  /** A SHA-256 digest, one per thread: {@link MessageDigest} is not thread-safe. */
  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The SHA-256 of the text's UTF-8 bytes. */
  static byte[] hash(MessageDigest digest, String text) {
    return digest.digest(text.getBytes(StandardCharsets.UTF_8));
  }
}
