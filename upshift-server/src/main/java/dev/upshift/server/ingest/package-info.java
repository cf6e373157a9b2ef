/**
 * Ingestion (SPEC §8.3): request bodies read into records ({@link
 * dev.upshift.server.ingest.BatchParser}), checked by the §1 readers against the stored records
 * they could clash with ({@link dev.upshift.server.ingest.BatchValidator}), and stored all or
 * nothing only at the data version they were checked against ({@link
 * dev.upshift.server.ingest.Ingestor}); {@link dev.upshift.server.ingest.Importer} does the same
 * for a folder of files, in bulk. The {@code Ingestor} announces every data version it writes
 * ({@link dev.upshift.server.ingest.Ingestor.Change}: the kind and the customers changed) to its
 * listeners, which is how live reports follow the data without reading it all again.
 */
package dev.upshift.server.ingest;
