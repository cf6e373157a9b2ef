/**
 * Announcements of new data: {@link dev.upshift.server.events.WorkspaceEvents} learns each new
 * data version of a workspace (from the ingestion after its commit, from a retraction, or from a
 * periodic look at the store that catches an {@code upshift import} beside the server) and wakes
 * the streams of {@code GET /v1/events} that wait for it.
 */
package dev.upshift.server.events;
