package dev.upshift.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upshift.input.CustomerAttributes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DimensionsTest {
  private static final List<BigDecimal> ARR_EDGES =
      List.of(BigDecimal.valueOf(10_000), BigDecimal.valueOf(50_000));
  private static final CustomerAttributes CHANNELS =
      CustomerAttributes.of(List.of("Channel"), Map.of("A", Map.of("channel", "sales")));

  private static Dimension resolve(String name) {
    return Dimensions.resolve(name, List.of(6, 12, 24), ARR_EDGES, CHANNELS);
  }

  private static List<String> sorted(Dimension dimension, String... values) {
    List<String> list = new ArrayList<>(List.of(values));
    list.sort(dimension.valueOrder());
    return list;
  }

  @Test
  void bucketedDimensionsListTheirValuesInBucketOrderWithUnknownLast() {
    assertThat(sorted(resolve("tenure"), "25+", "Unknown", "13-24", "0-6", "7-12"))
        .containsExactly("0-6", "7-12", "13-24", "25+", "Unknown");
    assertThat(sorted(resolve("initial_arr"), ">50K", "10K-50K", "<10K"))
        .containsExactly("<10K", "10K-50K", ">50K");
    assertThat(sorted(resolve("health"), "Unknown", "Low", "High", "Medium"))
        .containsExactly("High", "Medium", "Low", "Unknown");
    assertThat(sorted(resolve("channel"), "Unknown", "self_serve", "partner"))
        .containsExactly("partner", "self_serve", "Unknown");
  }

  @Test
  void labelsFollowTheConfiguredEdges() {
    assertThat(Dimensions.shortAmount(BigDecimal.valueOf(1_500_000))).isEqualTo("1.5M");
    assertThat(Dimensions.shortAmount(BigDecimal.valueOf(10_000))).isEqualTo("10K");
    assertThat(Dimensions.healthBucket(80)).isEqualTo("High");
    assertThat(Dimensions.healthBucket(79.99)).isEqualTo("Medium");
    assertThat(Dimensions.healthBucket(59.5)).isEqualTo("Low");
  }

  @Test
  void customerColumnsAreCaseInsensitiveAndUnknownNamesAreRejected() {
    assertThat(resolve("CHANNEL").name()).isEqualTo("channel");
    assertThatThrownBy(() -> resolve("colour"))
        .hasMessageContaining("unknown dimension 'colour'").hasMessageContaining("channel");
  }
}
