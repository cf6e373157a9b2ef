package dev.upshift.analysis;

import dev.upshift.input.Dataset;
import dev.upshift.segment.SegmentFilter;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A realistic, seeded B2B SaaS company for tests, demos and screenshots: a seat-priced
 * {@code platform} product in three tiers (Starter, Professional, Enterprise) and a cross-sell
 * {@code analytics} module, customers in three size bands and channels, monthly health scores,
 * quarter-to-date Upsell Rate targets and three initiatives of which two really work.
 *
 * <p>Each month every active customer may churn (likelier when unhealthy), add or shed seats,
 * upgrade a tier, or buy analytics, with probabilities that depend on tenure (the second year
 * expands most) and health. The same seed always gives the same data.
 */
public final class SyntheticCompany {
  /** What was generated. */
  public record Company(Dataset dataset, List<Initiative> initiatives, YearMonth from,
      YearMonth to) {}

  private static final String[] PLANS = {"Starter", "Professional", "Enterprise"};
  private static final int[] PRICE_PER_SEAT = {540, 1_080, 1_800};
  private static final String[] CHANNELS = {"self-serve", "sales", "partner"};
  private static final String[] REGIONS = {"North America", "EMEA", "APAC"};

  private final long seed;
  private final YearMonth from;
  private final int months;
  private final int newLogosPerMonth;

  /**
   * @param seed the random seed
   * @param from the first month with customers
   * @param months how many months to simulate
   * @param newLogosPerMonth average new customers per month
   */
  public SyntheticCompany(long seed, YearMonth from, int months, int newLogosPerMonth) {
    this.seed = seed;
    this.from = from;
    this.months = months;
    this.newLogosPerMonth = newLogosPerMonth;
  }

  /** The company of the screenshot: three years from January 2023, about 20 new logos a month. */
  public static Company standard() {
    return new SyntheticCompany(20_260_301L, YearMonth.of(2023, 1), 36, 20).generate();
  }

  private static final class Customer {
    String id;
    int size; // 0 SMB, 1 mid-market, 2 enterprise
    String channel;
    double health;
    int tier;
    int seats;
    long arr;
    TestData.Line platform;
    TestData.Line analytics;
    LocalDate start;
    boolean churned;
    LocalDate churnedOn;
    double priceFactor = 1.0;
  }

  public Company generate() {
    Random random = new Random(seed);
    TestData data = new TestData();
    List<Customer> customers = new ArrayList<>();
    YearMonth to = from.plusMonths(months - 1);
    LocalDate csmLaunch = from.plusMonths(months - 9).atDay(1);
    LocalDate promptsLaunch = from.plusMonths(months - 7).atDay(15);
    LocalDate triggersLaunch = from.plusMonths(months - 5).atDay(1);
    int counter = 0;
    for (int m = 0; m < months; m++) {
      YearMonth month = from.plusMonths(m);
      // Existing customers move on the first of the month.
      LocalDate day = month.atDay(1);
      for (Customer c : customers) {
        if (c.churned && random.nextDouble() < 0.012
            && c.churnedOn.plusMonths(3).isBefore(day.plusDays(1))) {
          // Won back: the same plan with fewer seats; analytics is not restarted.
          c.churned = false;
          c.seats = Math.max(2, (int) Math.round(c.seats * 0.7));
          c.health = 70;
          c.arr = arrOf(c);
          c.platform.from(day.toString()).plan(PLANS[c.tier]).tier(c.tier + 1).seats(c.seats)
              .arr(c.arr);
          continue;
        }
        if (c.churned || !c.start.isBefore(day)) {
          continue;
        }
        c.health = clamp(c.health + random.nextGaussian() * 4, 5, 100);
        data.health(c.id, day.toString(), Math.round(c.health));
        int tenure = (int) java.time.temporal.ChronoUnit.MONTHS.between(
            YearMonth.from(c.start), month);
        double healthFactor = c.health >= 80 ? 1.7 : c.health >= 60 ? 1.0 : 0.35;
        double tenureFactor = tenure <= 6 ? 0.45 : tenure <= 12 ? 1.0 : tenure <= 24 ? 1.35 : 1.0;
        double programme = 1.0;
        if (c.channel.equals("sales") && !day.isBefore(csmLaunch)) {
          programme *= 1.6;
        }
        if (c.size == 0 && !day.isBefore(promptsLaunch)) {
          programme *= 1.4;
        }
        double churn = c.health < 60 ? 0.022 : c.health < 80 ? 0.007 : 0.002;
        double roll = random.nextDouble();
        if (roll < churn) {
          c.platform.endOn(day.toString());
          if (c.analytics != null) {
            c.analytics.endOn(day.toString());
          }
          c.churned = true;
          c.churnedOn = day;
          c.analytics = null;
          continue;
        }
        if (tenure > 0 && tenure % 12 == 0 && random.nextDouble() < 0.15) {
          // Renewal with a list-price uplift: add-on (price), not upsell.
          c.priceFactor *= 1.05;
          setSeats(c, c.seats, day);
          continue;
        }
        double expand = 0.03 * healthFactor * tenureFactor * programme;
        roll = random.nextDouble();
        if (roll < expand * 0.55) {
          int added = Math.max(1, (int) Math.round(c.seats * (0.08 + random.nextDouble() * 0.25)));
          setSeats(c, c.seats + added, day);
        } else if (roll < expand * 0.80 && c.tier < 2) {
          c.tier++;
          setSeats(c, c.seats, day);
        } else if (roll < expand && c.analytics == null) {
          c.analytics = data.line(c.id, "analytics").from(day.toString()).plan("Analytics")
              .tier(1).seats(0).arr(Math.max(1_200, c.arr / 5 / 100 * 100));
        } else if (roll > 1 - 0.012 && c.seats > 3) {
          setSeats(c, c.seats - Math.max(1, c.seats / 8), day);
        } else if (roll > 1 - 0.016 && c.tier > 0 && c.health < 60) {
          c.tier--; // an unhappy customer steps down a tier: downsell
          setSeats(c, c.seats, day);
        }
      }
      int arrivals = Math.max(0, (int) Math.round(newLogosPerMonth + random.nextGaussian() * 4));
      for (int k = 0; k < arrivals; k++) {
        Customer c = new Customer();
        c.id = String.format(java.util.Locale.ROOT, "C%05d", ++counter);
        double band = random.nextDouble();
        c.size = band < 0.55 ? 0 : band < 0.88 ? 1 : 2;
        c.channel = c.size == 0 ? (random.nextDouble() < 0.8 ? CHANNELS[0] : CHANNELS[2])
            : c.size == 1 ? CHANNELS[1 + random.nextInt(2)] : CHANNELS[1];
        c.tier = c.size;
        c.seats = switch (c.size) {
          case 0 -> 3 + random.nextInt(12);
          case 1 -> 12 + random.nextInt(40);
          default -> 60 + random.nextInt(200);
        };
        c.health = clamp(68 + random.nextGaussian() * 14, 10, 100);
        c.start = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
        c.arr = (long) c.seats * PRICE_PER_SEAT[c.tier];
        c.platform = data.customer(c.id).from(c.start.toString()).plan(PLANS[c.tier])
            .tier(c.tier + 1).seats(c.seats).arr(c.arr);
        data.health(c.id, c.start.toString(), Math.round(c.health));
        data.attribute(c.id, "channel", c.channel);
        data.attribute(c.id, "region", REGIONS[random.nextInt(REGIONS.length)]);
        customers.add(c);
      }
        // Quarter-to-date targets: 4%, 8% and 12% cumulative through each quarter.
      int monthOfQuarter = (month.getMonthValue() - 1) % 3;
      data.target(month.toString(), String.valueOf(4 * (monthOfQuarter + 1)));
    }
    List<Initiative> initiatives = List.of(
        new Initiative("Proactive CSM outreach", csmLaunch, SegmentFilter.parse("channel=sales")),
        new Initiative("In-app upgrade prompts", promptsLaunch, SegmentFilter.parse("initial_arr=<10K")),
        Initiative.forAll("Usage-based triggering", triggersLaunch));
    return new Company(data.dataset(), initiatives, from, to);
  }

  private static long arrOf(Customer c) {
    return Math.round(c.seats * PRICE_PER_SEAT[c.tier] * c.priceFactor);
  }

  private static void setSeats(Customer c, int seats, LocalDate day) {
    c.seats = seats;
    c.arr = arrOf(c);
    c.platform.change(day.toString()).plan(PLANS[c.tier]).tier(c.tier + 1).seats(seats).arr(c.arr);
  }

  private static double clamp(double value, double low, double high) {
    return Math.max(low, Math.min(high, value));
  }
}
