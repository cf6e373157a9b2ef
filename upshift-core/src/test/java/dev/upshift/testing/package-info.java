/**
 * Test-data builders shared by the tests of every module (through the upshift-core test jar), so
 * that tests read like the rows of the input files.
 */
package dev.upshift.testing;
