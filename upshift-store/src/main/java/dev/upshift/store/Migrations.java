package dev.upshift.store;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Creates and migrates the schema with Flyway, from the same {@code db/migration/V*.sql} files for
 * both databases. The one difference the SQL cannot avoid is a placeholder: record ids must sort by
 * code point in both, which is SQLite's {@code BINARY} collation and PostgreSQL's {@code "C"}
 * (its default collation follows the database's locale, and neither name exists in the other).
 */
final class Migrations {

  static final String LOCATION = "classpath:db/migration";

  private Migrations() {}

  static void migrate(DataSource dataSource, String binaryCollation) {
    try {
      Flyway.configure(Migrations.class.getClassLoader())
          .dataSource(dataSource)
          .locations(LOCATION)
          .failOnMissingLocations(true)
          .placeholders(Map.of("binary_collation", binaryCollation))
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StoreException(
          StoreException.Code.DATABASE, "creating or migrating the schema failed: " + e.getMessage(), e);
    }
  }
}
