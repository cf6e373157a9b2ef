package dev.upshift.input;

/**
 * Why a row contributes no ARR (§1.1, §10). Each non-billable row falls in exactly one bucket,
 * decided by status first, then kind, then a zero price, so that
 * {@code rows = billableRows + Σ ignoredRows}.
 */
public enum IgnoredReason {
  TRIAL("trial"),
  SUSPENDED("suspended"),
  READ_ONLY("read_only"),
  OVERAGE("overage"),
  ONE_TIME("one_time"),
  ZERO_PRICE("zero_price");

  private final String code;

  IgnoredReason(String code) {
    this.code = code;
  }

  /**
   * The reason a row with this status, kind and ARR is ignored, or {@code null} when it is
   * billable: status first, then kind, then a zero price (§10).
   */
  public static IgnoredReason of(PhaseStatus status, PhaseKind kind, long arrMicros) {
    switch (status) {
      case TRIAL:
        return TRIAL;
      case SUSPENDED:
        return SUSPENDED;
      case READ_ONLY:
        return READ_ONLY;
      default:
        break;
    }
    if (kind == PhaseKind.OVERAGE) {
      return OVERAGE;
    }
    if (kind == PhaseKind.ONE_TIME) {
      return ONE_TIME;
    }
    return arrMicros == 0 ? ZERO_PRICE : null;
  }

  /** The key used in the JSON report's {@code input.ignoredRows}. */
  public String code() {
    return code;
  }
}
