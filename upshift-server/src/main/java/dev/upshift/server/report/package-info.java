/**
 * Reports, ledgers and explanations of a workspace (SPEC §8.4). {@link
 * dev.upshift.server.report.WorkspaceLoader} turns the records of one data version into the
 * {@code Dataset} the command line would read from the same files (by writing those files and
 * reading them with its reader); {@link dev.upshift.server.report.Reports} computes with the
 * engine and keeps results per data version, which is what makes them cacheable: a version never
 * changes.
 */
package dev.upshift.server.report;
