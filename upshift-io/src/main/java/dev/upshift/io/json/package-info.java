/**
 * JSON output: the report of SPEC §7.2, the project's stable machine-readable contract. Field
 * names and meanings never change; new fields may be added.
 */
package dev.upshift.io.json;
