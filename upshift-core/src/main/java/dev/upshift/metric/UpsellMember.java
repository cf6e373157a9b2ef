package dev.upshift.metric;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A member of the upsell definition of the Upsell Rate (§5.5). The default definition,
 * {@code expansion}, is all four.
 */
public enum UpsellMember {
  /** A higher tier: {@code upsell > 0}; qualifying ARR is {@code upsell}. */
  TIER("tier"),
  /** More seats: the customer is an Upsell User; qualifying ARR is {@code addOnSeats}. */
  SEATS("seats"),
  /** Add-ons: {@code addOnSeats + addOnPrice > 0}; qualifying ARR is that sum. */
  ADD_ON("add_on"),
  /** A new product: {@code crossSell > 0}; qualifying ARR is {@code crossSell}. */
  CROSS_SELL("cross_sell");

  private final String code;

  UpsellMember(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<UpsellMember> parse(String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    for (UpsellMember member : values()) {
      if (member.code.equals(wanted)) {
        return Optional.of(member);
      }
    }
    return Optional.empty();
  }

  /**
   * Parses {@code expansion} or a comma-separated list of members.
   *
   * @throws IllegalArgumentException naming the first unknown member
   */
  public static Set<UpsellMember> parseDefinition(String text) {
    if (text.trim().equalsIgnoreCase("expansion")) {
      return EnumSet.allOf(UpsellMember.class);
    }
    EnumSet<UpsellMember> members = EnumSet.noneOf(UpsellMember.class);
    for (String part : text.split(",")) {
      members.add(parse(part).orElseThrow(() -> new IllegalArgumentException(
          "unknown upsell definition member '" + part.trim()
              + "' (expected expansion or any of tier, seats, add_on, cross_sell)")));
    }
    return members;
  }
}
