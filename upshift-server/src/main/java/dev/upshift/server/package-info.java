/**
 * The Upshift service (SPEC §8): the engine of the command line behind an HTTP API, over the
 * store of {@code upshift-store}. {@link dev.upshift.server.UpshiftServer} starts and stops it;
 * {@link dev.upshift.server.ServerConfig} says where it listens and its limits.
 *
 * <p>The service adds no rules and no arithmetic of its own: batches are checked by the readers of
 * the §1 files ({@code ingest}), reports are computed by the engine from the records read back as
 * those files ({@code report}), and the web layer ({@code api}) only parses requests into values,
 * calls those, and maps results and failures to HTTP in one place.
 */
package dev.upshift.server;
