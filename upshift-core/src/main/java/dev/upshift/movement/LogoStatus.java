package dev.upshift.movement;

/** A customer's logo status in a period (§4.1). Customers inactive at both ends have none. */
public enum LogoStatus {
  NEW("new"),
  REACTIVATED("reactivated"),
  CHURNED("churned"),
  RETAINED("retained");

  private final String code;

  LogoStatus(String code) {
    this.code = code;
  }

  /** The spelling used in the ledger and in explanations. */
  public String code() {
    return code;
  }
}
