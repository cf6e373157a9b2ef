package dev.upshift.store;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Key secrets and ids. A secret is {@code upk_} and 32 random bytes (256 bits) in URL-safe Base64;
 * the prefix lets secret scanners and people recognise one. The store keeps only its SHA-256: a
 * secret has so much entropy that a plain, unsalted hash cannot be reversed by guessing, and a
 * plain hash can be looked up with an index.
 */
final class Secrets {

  static final String SECRET_PREFIX = "upk_";
  static final String KEY_ID_PREFIX = "key_";

  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A public key id: 64 random bits, so ids never collide in practice and reveal no order. */
  static String newKeyId() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return KEY_ID_PREFIX + HexFormat.of().formatHex(bytes);
  }

  /** Whether the text has the form of a key id; no other text names a key. */
  static boolean isKeyId(String text) {
    return text.length() == KEY_ID_PREFIX.length() + 16 && text.startsWith(KEY_ID_PREFIX)
        && text.chars().skip(KEY_ID_PREFIX.length()).allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f');
  }

  static byte[] hash(String secret) {
    return CanonicalContent.sha256().digest(secret.getBytes(StandardCharsets.UTF_8));
  }
}
