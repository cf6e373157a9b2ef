package dev.upshift.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The project version, from {@code version.properties}, which the build fills in: the same in the
 * shaded jar, a plain classpath run and the tests.
 */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"upshift " + number()};
  }

  /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
  static String number() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("version.properties is missing from the build");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
