/**
 * Reports, ledgers and explanations of a workspace (SPEC §8.4). {@link
 * dev.upshift.server.report.WorkspaceLoader} turns the records of one data version into the
 * {@code Dataset} the command line would read from the same files (by writing those files and
 * reading them with its reader); {@link dev.upshift.server.report.Reports} computes with the
 * engine and keeps results per data version, which is what makes them cacheable: a version never
 * changes. Plain reports are kept live instead (issue #11): {@link
 * dev.upshift.server.report.LiveWorkspace} holds a workspace's phases and the totals of the
 * configurations asked for, and moves them from version to version by the customers changed in
 * between ({@link dev.upshift.server.report.ChangeLog}, read by {@link
 * dev.upshift.server.report.CustomerReader}), with the dataset-wide facts recounted ({@link
 * dev.upshift.server.report.FactCounts}, {@link dev.upshift.server.report.RowCounts}).
 */
package dev.upshift.server.report;
