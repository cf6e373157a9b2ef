/**
 * The service's durable store (SPEC §8): workspaces, their keys and the records clients ingest,
 * behind one interface, {@link dev.upshift.store.Store}, with two implementations: embedded SQLite
 * (the default, {@code --data-dir}) and PostgreSQL ({@code --db}).
 *
 * <p>A record is a kind ({@link dev.upshift.store.RecordKind}: the SPEC's input files), an id and
 * its fields, already validated by the caller: the store knows nothing of what a phase means.
 * Fields are kept as one canonical JSON text (names sorted, one way to escape) with its SHA-256, so
 * "is this the same record?" is a comparison of two hashes. That comparison is what makes
 * ingestion idempotent: a retried batch finds every record unchanged and changes nothing, a
 * different record under a stored id is a conflict unless the client asked to correct, and a
 * batch is stored all or nothing in one transaction that commits before the call returns.
 *
 * <p>Each workspace has a data version that grows by one with every committed change of its
 * records; a report computed at a version can be reused until it moves, and {@link
 * dev.upshift.store.Snapshot} reads all kinds at one version. Keys are stored as the SHA-256 of
 * their secret only.
 *
 * <p>Both databases run the same SQL: the schema is a Flyway migration under {@code
 * db/migration}, and the queries are constants in {@code JdbcStore}. Ids sort by code point in
 * both (SQLite's {@code BINARY} collation, PostgreSQL's {@code "C"}), so listings page alike.
 */
package dev.upshift.store;
