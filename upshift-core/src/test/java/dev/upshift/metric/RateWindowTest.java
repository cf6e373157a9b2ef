package dev.upshift.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@code --rate-window onboarding:N}: the option's text, its echo and its label. */
class RateWindowTest {
  @Test
  void parsesOnboardingWindowsAndEchoesThemAsGiven() {
    RateWindow window = RateWindow.parse("onboarding:90");

    assertThat(window).isEqualTo(RateWindow.onboarding(90));
    assertThat(window.code()).isEqualTo("onboarding:90");
    assertThat(window.label()).isEqualTo("first 90 days");
    assertThat(RateWindow.parse(" Onboarding : 1 ").label()).isEqualTo("first 1 day");
  }

  @ParameterizedTest
  @ValueSource(strings = {"onboarding:0", "onboarding:-5", "onboarding:abc", "onboarding:",
      "onboarding:1.5", "90", "onboarding", "onboarding:9999999999"})
  void rejectsWhatIsNotAWholeNumberOfDaysOfAtLeastOne(String text) {
    assertThatThrownBy(() -> RateWindow.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected onboarding:N with N whole days >= 1")
        .hasMessageContaining(text);
  }

  @Test
  void onboardingIsTheOnlyKindOfWindow() {
    assertThatThrownBy(() -> RateWindow.parse("renewal:30"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown rate window 'renewal'")
        .hasMessageContaining("the only window is onboarding");
  }
}
