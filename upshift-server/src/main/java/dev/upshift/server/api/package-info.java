/**
 * The web layer: every route in one table ({@link dev.upshift.server.api.Route}), thin handlers,
 * admission (bearer key, scope, a token bucket per key) and the one mapping of failures to HTTP
 * statuses and the §8.4 error body ({@link dev.upshift.server.api.ErrorResponses}). Handlers parse
 * a request into values, call the ingestion, the reports or the store, and write the result; no
 * business rule lives here.
 */
package dev.upshift.server.api;
