package dev.upshift.store;

import static java.util.Objects.requireNonNull;

/**
 * A key just created, with its secret. This is the only time the secret exists outside the client:
 * the store keeps its SHA-256 hash. {@link #toString()} leaves the secret out, so logging this
 * value does not leak it.
 *
 * @param key the stored key
 * @param secret the bearer token to hand to the client, once
 */
public record NewKey(ApiKey key, String secret) {

  public NewKey {
    requireNonNull(key, "key is null");
    requireNonNull(secret, "secret is null");
  }

  @Override
  public String toString() {
    return "NewKey[key=" + key + ", secret=(hidden)]";
  }
}
