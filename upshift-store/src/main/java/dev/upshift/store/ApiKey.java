package dev.upshift.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A key as the store knows it: everything but the secret, which is kept only as a hash. Immutable.
 *
 * @param id the public id ({@code DELETE /v1/keys/{keyId}})
 * @param workspace the workspace the key belongs to
 * @param scope what it may do
 * @param name a label for people; may be null
 * @param createdAt when it was created
 * @param revokedAt when it was revoked; null while it is active
 */
public record ApiKey(
    String id, Workspace workspace, KeyScope scope, String name, Instant createdAt, Instant revokedAt) {

  public ApiKey {
    requireNonNull(id, "id is null");
    requireNonNull(workspace, "workspace is null");
    requireNonNull(scope, "scope is null");
    requireNonNull(createdAt, "createdAt is null");
    if (name != null) {
      int length = Text.storableLength(name);
      if (length < 0 || length > MAX_NAME_LENGTH) {
        throw new IllegalArgumentException("key name must be at most " + MAX_NAME_LENGTH
            + " characters, none of them a control character or an unpaired surrogate");
      }
    }
  }

  /** The longest label, in characters. */
  public static final int MAX_NAME_LENGTH = 256;

  /** The label, if one was given. */
  public Optional<String> label() {
    return Optional.ofNullable(name);
  }

  /** Whether the key still opens its workspace. */
  public boolean active() {
    return revokedAt == null;
  }
}
