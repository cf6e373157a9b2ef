package dev.upshift.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.upshift.input.CustomerAttributes;
import dev.upshift.input.InputException;
import dev.upshift.sample.SampleGenerator;
import dev.upshift.sample.SampleOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one-pass fast path for customers.csv reads exactly what the strict reader reads, and leaves
 * every file it cannot read with certainty to the strict reader, so errors are worded and placed
 * as they always were.
 */
class FastCustomersReaderTest {
  @TempDir
  Path dir;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 7, 42})
  void fastPathReadsGeneratedCustomersLikeTheStrictReader(long seed) throws IOException {
    SampleGenerator.of(SampleOptions.of(3_000, 12, seed)).writeTo(dir);
    Path file = dir.resolve("customers.csv");
    String text = Files.readString(file);
    assertThat(text).as("names with commas are quoted").contains("\"").contains(", Inc.\"");
    assertThat(text.chars().anyMatch(c -> c > 127)).as("names that are not ASCII").isTrue();

    CustomerAttributes fast = FastCustomersReader.tryRead(file);

    assertThat(fast).as("the generated file is clean").isNotNull();
    assertThat(fast).isEqualTo(strict(file));
    assertThat(fast.size()).isEqualTo(3_000);
    assertThat(fast.names()).containsExactly("name", "channel", "region", "industry");
  }

  @Test
  void quotedCellsUtf8CrlfBomBlankLinesAndSpacesAreReadAsTheStrictReaderReadsThem()
      throws IOException {
    Path file = write("\uFEFFcustomer_id, Region ,channel,notes\r\n"
        + "C1,EMEA,\"Partner, reseller\",\"say \"\"hi\"\"\"\r\n"
        + "\r\n"
        + "\n"
        + " C2 ,  , sales ,Zürich AG\r\n"
        + "C3,NA,,\n"
        + "\"C4\",\"  APAC \",self_serve,\"\"");

    CustomerAttributes fast = FastCustomersReader.tryRead(file);

    assertThat(fast).isNotNull().isEqualTo(strict(file));
    assertThat(fast.names()).containsExactly("region", "channel", "notes");
    assertThat(fast.size()).isEqualTo(4);
    assertThat(fast.value("C1", "channel")).hasValue("Partner, reseller");
    assertThat(fast.value("C1", "notes")).hasValue("say \"hi\"");
    assertThat(fast.value("C2", "region")).isEmpty();
    assertThat(fast.value("C2", "channel")).hasValue("sales");
    assertThat(fast.value("C2", "notes")).hasValue("Zürich AG");
    assertThat(fast.value("C3", "channel")).isEmpty();
    assertThat(fast.value("C3", "notes")).isEmpty();
    assertThat(fast.value("C4", "region")).hasValue("APAC");
    assertThat(fast.value("C4", "notes")).isEmpty();
  }

  @Test
  void aFileWithOnlyAHeaderListsNoCustomers() throws IOException {
    CustomerAttributes fast = FastCustomersReader.tryRead(write("customer_id,region"));

    assertThat(fast).isNotNull();
    assertThat(fast.size()).isZero();
    assertThat(fast.names()).containsExactly("region");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
      "C1,EMEA\nC1,NA\n",            // a customer listed twice
      ",EMEA\n",                     // no customer_id
      "C1,EMEA,x\n",                 // ragged: a cell too many
      "C1\n",                        // ragged: a cell short
      "   \n",                       // a blank line of spaces (the strict reader skips it)
      "C1,\"EM\nEA\"\n",             // a line break inside a quoted cell
      "C1,\"EMEA\" x\n",             // text after the closing quote
      "C1,\"EMEA\"  \n",             // spaces after the closing quote
      "C1,EM\"EA\n",                 // a quote inside an unquoted cell
      "C1, \"EMEA\"\n",              // a quote after a space
      "C1,EMEA\rC2,NA\n",            // a lone CR
      "C1,\"EMEA",                   // a quote never closed
  })
  void anythingUnusualIsLeftToTheStrictReader(String rows) throws IOException {
    Path file = write("customer_id,region\n" + rows);

    assertThat(FastCustomersReader.tryRead(file)).isNull();
    assertSameOutcomeWithAndWithoutTheFastPath(file);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
      "customer_id,region,REGION\nC1,a,b\n", // a column twice
      "id,region\nC1,EMEA\n",               // no customer_id column
      "\"customer_id\",region\nC1,EMEA\n",  // a quoted header
      "customer_id,régión\nC1,EMEA\n",      // a header that is not ASCII
      "\ncustomer_id,region\nC1,EMEA\n",    // a blank first line
      "",                                   // nothing at all
  })
  void headersThatAreNotPlainAreLeftToTheStrictReader(String text) throws IOException {
    Path file = write(text);

    assertThat(FastCustomersReader.tryRead(file)).isNull();
    assertSameOutcomeWithAndWithoutTheFastPath(file);
  }

  @Test
  void bytesThatAreNotUtf8AreLeftToTheStrictReader() throws IOException {
    byte[] latin1 = "customer_id,region\nC1,Zürich\n".getBytes(StandardCharsets.ISO_8859_1);
    Path file = Files.write(dir.resolve("customers.csv"), latin1);

    assertThat(FastCustomersReader.tryRead(file)).isNull();
    assertThat(errors(file, true)).containsExactly("customers.csv:2: column region: contains bytes"
        + " that are not UTF-8 (byte 0xFC); save the file as UTF-8");
  }

  @Test
  void aDuplicateIsReportedByTheStrictReaderAtItsPhysicalLine() throws IOException {
    Path file = write("customer_id,region\nC1,EMEA\n\n\"C2\",NA\nC1,APAC\n");

    assertThat(FastCustomersReader.tryRead(file)).isNull();
    assertThat(errors(file, true)).containsExactly("customers.csv:5: column customer_id: customer"
        + " \"C1\" is already listed on line 2; list each customer once");
  }

  @Test
  void aMissingFileIsLeftToTheStrictReader() throws IOException {
    Path file = dir.resolve("customers.csv");

    assertThat(FastCustomersReader.tryRead(file)).isNull();
    assertThat(errors(file, true)).containsExactly("customers.csv: no such file");
  }

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("customers.csv"), text, StandardCharsets.UTF_8);
  }

  private static CustomerAttributes strict(Path file) {
    ReadContext context = new ReadContext();
    CustomerAttributes attributes = CustomersReader.read(context, file, false);
    assertThat(context.failures().total()).as("errors of the strict reader").isZero();
    return attributes;
  }

  /** Reading with the fast path on gives what reading without it gives: customers or errors. */
  private void assertSameOutcomeWithAndWithoutTheFastPath(Path file) throws IOException {
    List<String> withFastPath = errors(file, true);
    assertThat(withFastPath).isEqualTo(errors(file, false));
    if (withFastPath.isEmpty()) {
      assertThat(read(file, true).dataset().customers())
          .isEqualTo(read(file, false).dataset().customers());
    }
  }

  /** The error messages of a read (none when it succeeds), with bare file names. */
  private List<String> errors(Path customers, boolean fastPath) throws IOException {
    InputException failure = catchThrowableOfType(InputException.class,
        () -> read(customers, fastPath));
    return failure == null ? List.of() : new Fixture(dir).messages(failure.errors());
  }

  private ReadResult read(Path customers, boolean fastPath) throws IOException {
    Path subscriptions = dir.resolve("subscriptions.csv");
    Files.writeString(subscriptions, "customer_id,product,arr,start_date\nC1,crm,100,2026-01-01\n");
    return DatasetReader.read(InputFiles.of(subscriptions).withCustomers(customers), bytes -> { },
        fastPath);
  }
}
