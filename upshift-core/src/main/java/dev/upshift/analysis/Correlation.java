package dev.upshift.analysis;

import java.math.BigDecimal;
import java.util.List;

/**
 * Health score against upselling (§6.4). Immutable.
 *
 * <p>The observations are the eligible customer-periods of all reported periods whose customer has
 * a health score dated on or before the period's start (the score the {@code health} dimension
 * uses). Each observation is a score {@code x} and an upsold flag {@code y ∈ {0,1}}.
 * {@code rate} is pooled over them; a bucket's {@code lift = bucket rate / rate}. The
 * point-biserial correlation is Pearson's correlation of {@code x} and {@code y}:
 * {@code r = (M1 − M0) / s · √(p·q)}, with {@code M1}, {@code M0} the mean scores of upsold and
 * not-upsold observations, {@code s} the population standard deviation of all scores, {@code p} the
 * share upsold and {@code q = 1 − p}; {@code null} when all scores are equal or all flags are.
 * Statistics are rounded half-even to 2 decimals.
 *
 * @param observations eligible customer-periods with a known score
 * @param withoutScore eligible customer-periods without a score (left out)
 * @param upsold upsold observations
 * @param rate {@code upsold / observations · 100}
 * @param buckets {@code High}, {@code Medium}, {@code Low}, always in that order
 * @param pointBiserial {@code r}, in [−1, 1]
 * @param meanScoreUpsold {@code M1}
 * @param meanScoreNotUpsold {@code M0}
 */
public record Correlation(long observations, long withoutScore, long upsold, BigDecimal rate,
    List<Bucket> buckets, BigDecimal pointBiserial, BigDecimal meanScoreUpsold,
    BigDecimal meanScoreNotUpsold) {

  public Correlation {
    buckets = List.copyOf(buckets);
  }

  /**
   * One health bucket ({@link dev.upshift.segment.Dimensions#healthBucket(double)}).
   *
   * @param bucket {@code High} (≥ 80), {@code Medium} (≥ 60) or {@code Low}
   * @param eligible observations in the bucket
   * @param upsold upsold observations in the bucket
   * @param rate percent, {@code null} when the bucket is empty
   * @param lift bucket rate / overall rate, {@code null} when either is undefined or the overall
   *     rate is 0
   */
  public record Bucket(String bucket, long eligible, long upsold, BigDecimal rate,
      BigDecimal lift) {}
}
