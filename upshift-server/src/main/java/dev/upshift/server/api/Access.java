package dev.upshift.server.api;

import static java.util.Objects.requireNonNull;

import dev.upshift.store.ApiKey;
import dev.upshift.store.KeyScope;
import dev.upshift.store.Store;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who may do what (SPEC §8.2): the bearer key of a request, its scope, and its share of requests.
 * A missing, unknown or revoked key is a 401; a key without the needed scope a 403 naming the
 * scope; too many requests a 429 with {@code Retry-After}. Keys are looked up by the hash of the
 * secret; the secret itself is never kept or logged. Thread-safe.
 */
final class Access {
  /** The attribute that holds the request's key once authenticated. */
  static final String KEY_ATTRIBUTE = "upshift.key";

  private static final String BEARER = "bearer ";

  private final Store store;
  private final RateLimiter limiter;

  Access(Store store, RateLimiter limiter) {
    this.store = requireNonNull(store, "store is null");
    this.limiter = requireNonNull(limiter, "limiter is null");
  }

  /**
   * Authenticates the request and checks that its key allows {@code needed}; takes one request of
   * the key's rate.
   *
   * @return the key, also left in the {@value #KEY_ATTRIBUTE} attribute
   */
  ApiKey admit(Context ctx, KeyScope needed) {
    ApiKey key = authenticate(ctx.header("Authorization"))
        .orElseThrow(() -> new ApiException(ErrorCode.UNAUTHORIZED,
            "a valid key is needed: send Authorization: Bearer <key>", List.of(), null,
            Map.of("WWW-Authenticate", "Bearer")));
    ctx.attribute(KEY_ATTRIBUTE, key);
    if (!key.scope().allows(needed)) {
      throw new ApiException(ErrorCode.FORBIDDEN, "this needs a key with scope "
          + needed.wireName() + " (or higher); this key has scope " + key.scope().wireName());
    }
    long wait = limiter.acquire(key.id());
    if (wait > 0) {
      throw new ApiException(ErrorCode.RATE_LIMITED, "too many requests for this key; retry in "
          + wait + (wait == 1 ? " second" : " seconds"), List.of(), null,
          Map.of("Retry-After", Long.toString(wait)));
    }
    return key;
  }

  private Optional<ApiKey> authenticate(String authorization) {
    if (authorization == null
        || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
      return Optional.empty();
    }
    String secret = authorization.substring(BEARER.length()).strip();
    return secret.isEmpty() ? Optional.empty() : store.findActiveKey(secret);
  }

  /** The key of an admitted request. */
  static ApiKey key(Context ctx) {
    ApiKey key = ctx.attribute(KEY_ATTRIBUTE);
    if (key == null) {
      throw new IllegalStateException("the request was not admitted");
    }
    return key;
  }
}
