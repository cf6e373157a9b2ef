/**
 * What an operator sees: Prometheus metrics through Micrometer ({@link
 * dev.upshift.server.ops.ServerMetrics}, {@link dev.upshift.server.ops.TimedStore}) and the
 * structured request log ({@link dev.upshift.server.ops.RequestLog}), which never holds a key or a
 * query string.
 */
package dev.upshift.server.ops;
