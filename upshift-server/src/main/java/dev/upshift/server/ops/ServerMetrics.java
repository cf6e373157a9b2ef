package dev.upshift.server.ops;

import dev.upshift.store.IngestResult;
import dev.upshift.store.RecordKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.ToDoubleFunction;

/**
 * The server's Prometheus metrics, through Micrometer: requests by route and status with their
 * latencies ({@code http_server_requests_seconds}), records ingested by kind and outcome ({@code
 * upshift_records_ingested_total}), retractions, store operations and their latencies ({@code
 * upshift_store_operation_seconds}), report cache hits and misses, and the JVM's memory, collections,
 * threads, CPU and uptime. Thread-safe.
 */
public final class ServerMetrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();

  public ServerMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** Records one answered request. */
  public void request(String method, String route, int status, Duration duration) {
    Timer.builder("http.server.requests")
        .description("HTTP requests answered, by route and status")
        .tag("method", method)
        .tag("route", route)
        .tag("status", Integer.toString(status))
        .register(registry)
        .record(duration);
  }

  /** Counts the records of an ingested batch by outcome. */
  public void ingested(RecordKind kind, IngestResult result) {
    ingestedCounter(kind, "created").increment(result.created());
    ingestedCounter(kind, "unchanged").increment(result.unchanged());
    ingestedCounter(kind, "corrected").increment(result.corrected());
  }

  private Counter ingestedCounter(RecordKind kind, String outcome) {
    return Counter.builder("upshift.records.ingested")
        .description("Records of acknowledged batches, by kind and outcome")
        .tag("kind", kind.wireName())
        .tag("outcome", outcome)
        .register(registry);
  }

  /** Counts a retracted record. */
  public void retracted(RecordKind kind) {
    Counter.builder("upshift.records.retracted")
        .description("Records retracted")
        .tag("kind", kind.wireName())
        .register(registry)
        .increment();
  }

  /** The timer of one kind of store operation. */
  public Timer storeOperation(String operation) {
    return Timer.builder("upshift.store.operation")
        .description("Store operations and their latencies")
        .tag("operation", operation)
        .register(registry);
  }

  /** Publishes a value read when scraped (cache hits and misses). */
  public <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value) {
    io.micrometer.core.instrument.Gauge.builder(name, source, value)
        .description(description)
        .register(registry);
  }

  /** The Prometheus text exposition of every metric. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
