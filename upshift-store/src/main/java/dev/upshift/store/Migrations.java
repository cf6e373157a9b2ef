package dev.upshift.store;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Creates and migrates the schema with Flyway, from the same {@code db/migration/V*.sql} files for
 * both databases. The differences the SQL cannot avoid are placeholders: record ids must sort by
 * code point in both, which is SQLite's {@code BINARY} collation and PostgreSQL's {@code "C"}
 * (its default collation follows the database's locale, and neither name exists in the other);
 * and reading a field of the stored JSON content is {@code json_extract} in one and {@code ->>} in
 * the other.
 */
final class Migrations {

  static final String LOCATION = "classpath:db/migration";

  private Migrations() {}

  /** The placeholders of SQLite. */
  static final Map<String, String> SQLITE = Map.of(
      "binary_collation", "COLLATE BINARY",
      "customer_id_of_content", "NULLIF(TRIM(json_extract(content, '$.customer_id')), '')");
  /** The placeholders of PostgreSQL. */
  static final Map<String, String> POSTGRES = Map.of(
      "binary_collation", "COLLATE \"C\"",
      "customer_id_of_content", "NULLIF(BTRIM(CAST(content AS JSONB) ->> 'customer_id'), '')");

  static void migrate(DataSource dataSource, Map<String, String> placeholders) {
    try {
      Flyway.configure(Migrations.class.getClassLoader())
          .dataSource(dataSource)
          .locations(LOCATION)
          .failOnMissingLocations(true)
          .placeholders(placeholders)
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StoreException(
          StoreException.Code.DATABASE, "creating or migrating the schema failed: " + e.getMessage(), e);
    }
  }
}
