package dev.upshift.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small values of the store's interface. */
class ValuesTest {

  @Test
  void scopesNest_adminOverWriteOverRead() {
    assertThat(KeyScope.ADMIN.allows(KeyScope.WRITE)).isTrue();
    assertThat(KeyScope.WRITE.allows(KeyScope.READ)).isTrue();
    assertThat(KeyScope.WRITE.allows(KeyScope.WRITE)).isTrue();
    assertThat(KeyScope.READ.allows(KeyScope.WRITE)).isFalse();
    assertThat(KeyScope.WRITE.allows(KeyScope.ADMIN)).isFalse();
    assertThat(KeyScope.fromWireName("admin")).contains(KeyScope.ADMIN);
    assertThat(KeyScope.fromWireName("ADMIN")).isEmpty();
  }

  @Test
  void recordKindsAreTheSpecsFiles() {
    assertThat(List.of(RecordKind.values())).extracting(RecordKind::wireName)
        .containsExactly("phases", "customers", "plans", "health", "targets", "fx", "initiatives");
    assertThat(RecordKind.fromWireName("fx")).contains(RecordKind.FX);
    assertThat(RecordKind.fromWireName("subscriptions")).isEmpty();
  }

  @Test
  void workspaceNames_needNoQuotingInUrlsOrShells() {
    assertThat(Workspace.checkName("acme-prod_2.eu")).isEqualTo("acme-prod_2.eu");
    assertThat(Workspace.checkName("a".repeat(128))).hasSize(128);
    for (String bad : List.of("", "-acme", "a b", "a/b", "ä", "a".repeat(129))) {
      assertThatThrownBy(() -> Workspace.checkName(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aResultWithConflictsStoredNothing() {
    assertThat(new IngestResult(0, 0, 0, List.of("p1"), 3).stored()).isFalse();
    assertThat(new IngestResult(1, 0, 0, List.of(), 3).stored()).isTrue();
    assertThatThrownBy(() -> new IngestResult(1, 0, 0, List.of("p1"), 3))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPagesNextIsItsLastId() {
    DataRecord a = DataRecord.of("a", Map.of());
    assertThat(new RecordPage(List.of(a), "a").nextAfter()).contains("a");
    assertThat(new RecordPage(List.of(a), null).nextAfter()).isEmpty();
    assertThatThrownBy(() -> new RecordPage(List.of(a), "b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RecordPage(List.of(), "a")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void secretsAreLongRandomAndPrefixed_andNewKeysHideThem() {
    String one = Secrets.newSecret();
    String two = Secrets.newSecret();
    assertThat(one).startsWith("upk_").hasSize(4 + 43).isNotEqualTo(two);
    assertThat(Secrets.hash(one)).hasSize(32).isEqualTo(Secrets.hash(one));
    assertThat(Secrets.newKeyId()).matches("key_[0-9a-f]{16}");
    assertThat(Secrets.isKeyId(Secrets.newKeyId())).isTrue();
    assertThat(Secrets.isKeyId("key_0123456789abcdeF")).isFalse();
    assertThat(Secrets.isKeyId("key_0123456789abcde")).isFalse();
    Workspace w = new Workspace(1, "acme", Instant.parse("2026-01-01T00:00:00Z"));
    NewKey key = new NewKey(new ApiKey("key_1", w, KeyScope.READ, null, w.createdAt(), null), one);
    assertThat(key.toString()).doesNotContain(one).contains("hidden");
  }
}
