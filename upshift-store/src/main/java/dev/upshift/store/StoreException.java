package dev.upshift.store;

import static java.util.Objects.requireNonNull;

/**
 * A store operation that failed for a reason the caller may report: the {@link Code} says which,
 * so an adapter maps it to an exit code or HTTP status in one place. Programming errors (a null, a
 * malformed id) are {@link IllegalArgumentException}s instead.
 */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a store operation failed. */
  public enum Code {
    /** {@code createWorkspace} with a name that is taken. */
    WORKSPACE_EXISTS,
    /**
     * {@code ingest} with an expected data version that is no longer the workspace's: another
     * change came first, so checks made against the expected version may not hold. Nothing was
     * stored; check again and retry.
     */
    DATA_VERSION_CHANGED,
    /** {@code create} of a record whose id is stored already: nothing was stored. */
    RECORD_EXISTS,
    /** The database failed, could not be reached, or stayed busy past the timeout. */
    DATABASE
  }

  private final Code code;

  public StoreException(Code code, String message, Throwable cause) {
    super(message, cause);
    this.code = requireNonNull(code, "code is null");
  }

  public StoreException(Code code, String message) {
    this(code, message, null);
  }

  public Code code() {
    return code;
  }
}
