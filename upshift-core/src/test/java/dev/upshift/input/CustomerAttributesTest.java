package dev.upshift.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerAttributesTest {
  @Test
  void valuesAreFoundByCustomerAndAttributeInAnyCase() {
    CustomerAttributes attributes = CustomerAttributes.of(List.of("Region", "channel"), Map.of(
        "C1", Map.of("region", "EMEA", "channel", "Partner, reseller"),
        "C2", Map.of("REGION", "NA")));

    assertThat(attributes.names()).containsExactly("region", "channel");
    assertThat(attributes.size()).isEqualTo(2);
    assertThat(attributes.value("C1", "REGION")).hasValue("EMEA");
    assertThat(attributes.value("C1", "channel")).hasValue("Partner, reseller");
    assertThat(attributes.value("C2", "region")).hasValue("NA");
    assertThat(attributes.value("C2", "channel")).as("not given").isEmpty();
    assertThat(attributes.value("C3", "region")).as("not listed").isEmpty();
    assertThat(attributes.value("C1", "industry")).as("no such attribute").isEmpty();
    assertThat(attributes.hasAttribute("Channel")).isTrue();
    assertThat(attributes.hasAttribute("industry")).isFalse();
  }

  @Test
  void aMissingValueAndAnEmptyOneBothReadAsMissing() {
    CustomerAttributes.Builder builder = CustomerAttributes.builder(List.of("region", "channel"));
    builder.put("C1", Arrays.asList(null, ""));

    CustomerAttributes attributes = builder.build();

    assertThat(attributes.value("C1", "region")).isEmpty();
    assertThat(attributes.value("C1", "channel")).isEmpty();
    assertThat(attributes.size()).isEqualTo(1);
  }

  @Test
  void aCustomerIsListedOnce_evenWhenTheIdsHashAlike() {
    // "Aa" and "BB" have the same String hash code: a hash match alone must not make a duplicate.
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    CustomerAttributes.Builder builder = CustomerAttributes.builder(List.of("region"));

    assertThat(builder.put("Aa", List.of("EMEA"))).isTrue();
    assertThat(builder.put("BB", List.of("NA"))).isTrue();
    assertThat(builder.put("Aa", List.of("APAC"))).as("a duplicate").isFalse();
    assertThat(builder.indexOf("BB")).isEqualTo(1);
    assertThat(builder.indexOf("Bb")).isEqualTo(-1);

    CustomerAttributes attributes = builder.build();
    assertThat(attributes.size()).isEqualTo(2);
    assertThat(attributes.value("Aa", "region")).as("the first listing stays").hasValue("EMEA");
    assertThat(attributes.value("BB", "region")).hasValue("NA");
  }

  @Test
  void theBuilderCopiesTheCharacters_soAReaderMayReuseItsViews() {
    CustomerAttributes.Builder builder = CustomerAttributes.builder(List.of("channel"));
    CharBuffer id = CharBuffer.wrap("C1".toCharArray());
    CharBuffer channel = CharBuffer.wrap("sales".toCharArray());
    builder.put(id, List.of(channel));
    id.put(0, 'X');
    channel.put(0, 'X');

    CustomerAttributes attributes = builder.build();

    assertThat(attributes.value("C1", "channel")).hasValue("sales");
    assertThat(attributes.value("X1", "channel")).isEmpty();
  }

  @Test
  void aMillionCustomersAreAllFound() {
    String[] channels = {"sales", "partner", "self_serve", "Vertrieb über Partner"};
    CustomerAttributes.Builder builder = CustomerAttributes.builder(List.of("channel"));
    for (int i = 0; i < 1_000_000; i++) {
      assertThat(builder.put("C" + i, List.of(channels[i % channels.length]))).isTrue();
    }

    CustomerAttributes attributes = builder.build();

    assertThat(attributes.size()).isEqualTo(1_000_000);
    for (int i = 0; i < 1_000_000; i += 7919) {
      assertThat(attributes.value("C" + i, "channel")).hasValue(channels[i % channels.length]);
    }
    assertThat(attributes.value("C999999", "channel")).hasValue("Vertrieb über Partner");
    assertThat(attributes.value("C1000000", "channel")).isEmpty();
  }

  @Test
  void attributesAreEqualWhenTheyListTheSameValuesForTheSameCustomersInTheSameOrder() {
    CustomerAttributes a = build(List.of("C1", "C2"), List.of("EMEA", "NA"));

    assertThat(a).isEqualTo(build(List.of("C1", "C2"), List.of("EMEA", "NA")))
        .hasSameHashCodeAs(build(List.of("C1", "C2"), List.of("EMEA", "NA")));
    assertThat(a).isNotEqualTo(build(List.of("C1", "C2"), List.of("EMEA", "APAC")));
    assertThat(a).isNotEqualTo(build(List.of("C2", "C1"), List.of("NA", "EMEA")));
    assertThat(a).isNotEqualTo(build(List.of("C1"), List.of("EMEA")));
    assertThat(a).hasToString("CustomerAttributes[region] of 2 customers");
  }

  private static CustomerAttributes build(List<String> ids, List<String> regions) {
    CustomerAttributes.Builder builder = CustomerAttributes.builder(List.of("region"));
    for (int i = 0; i < ids.size(); i++) {
      builder.put(ids.get(i), List.of(regions.get(i)));
    }
    return builder.build();
  }
}
