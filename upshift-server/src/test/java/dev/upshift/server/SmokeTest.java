package dev.upshift.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeTest {
  @TempDir Path dir;

  @Test
  void postThenReport() {
    try (TestServer server = TestServer.sqlite(dir)) {
      String key = server.workspace("acme");
      Http.Reply posted = server.http.postJson("/v1/phases", key, """
          {"records": [
            {"id": "p1", "customer_id": "C1", "plan": "Standard", "tier": 1, "seats": 10, "arr": 1200.50, "start_date": "2026-01-01", "end_date": "2026-03-01"},
            {"id": "p2", "customer_id": "C1", "plan": "Premium", "tier": 2, "seats": 12, "arr": 2400, "start_date": "2026-03-01"}
          ]}""");
      System.out.println(posted);
      Http.Reply report = server.http.get("/v1/report?grain=quarter", key);
      System.out.println(report.status() + " " + report.text().substring(0, Math.min(800, report.text().length())));
      System.out.println(server.http.get("/v1/customers/C1/explain", key).text());
      System.out.println(server.http.get("/v1/ledger?period=2026-Q1&grain=quarter", key).text());
      System.out.println(server.http.get("/v1/phases", key).text());
      System.out.println(server.http.get("/v1/phases/p1", key).text());
      System.out.println(server.http.get("/v1/nothing", key).text());
      System.out.println(server.http.get("/v1/phases", null).text());
      server.log.forEach(System.out::println);
      assertThat(posted.status()).isEqualTo(200);
    }
  }
}
