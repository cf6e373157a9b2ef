/**
 * Ingestion (SPEC §8.3): request bodies read into records ({@link
 * dev.upshift.server.ingest.BatchParser}), checked by the §1 readers against the stored records
 * they could clash with ({@link dev.upshift.server.ingest.BatchValidator}), and stored all or
 * nothing only at the data version they were checked against ({@link
 * dev.upshift.server.ingest.Ingestor}); {@link dev.upshift.server.ingest.Importer} does the same
 * for a folder of files, in bulk.
 */
package dev.upshift.server.ingest;
