package dev.upshift.render.html;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Regenerates {@code docs/report-1400.png}: renders an HTML report in headless Chromium at
 * desktop width and keeps the top of the page (the summary, ARR bridge and Total Users).
 *
 * <pre>
 * # from the synthetic sample company (run in the repository root):
 * mvn -q -B -pl upshift-render -am install -DskipTests
 * mvn -q -B -pl upshift-render org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *     -Dexec.classpathScope=test -Dexec.mainClass=dev.upshift.render.html.ReportScreenshot \
 *     -Dexec.args="docs/report-1400.png"
 * # from any report, e.g. of the bundled sample data:
 * upshift report --subscriptions ... --format html --out report.html
 * ... -Dexec.args="docs/report-1400.png report.html"
 * </pre>
 *
 * Arguments: the PNG to write, then optionally the HTML file (default: the synthetic company's
 * report), the width (1400) and the height kept (3000). The file is kept under 1 MB by writing it
 * with a reduced palette when needed (pngquant, when installed).
 */
public final class ReportScreenshot {
  private ReportScreenshot() {}

  public static void main(String[] args) throws Exception {
    Path png = Path.of(args.length > 0 ? args[0] : "docs/report-1400.png").toAbsolutePath();
    int width = args.length > 2 ? Integer.parseInt(args[2]) : 1400;
    int height = args.length > 3 ? Integer.parseInt(args[3]) : 3000;
    if (Chromium.binary().isEmpty()) {
      throw new IllegalStateException("needs " + Chromium.BINARY + " (apt-get install chromium)");
    }
    Path html;
    if (args.length > 1) {
      html = Path.of(args[1]).toAbsolutePath();
    } else {
      html = Files.createTempFile("upshift-report", ".html");
      new HtmlReportWriter("Acme Cloud · Expansion report").write(SampleReports.standard(), html);
    }
    Files.createDirectories(png.getParent());
    Chromium.screenshot(html, png, width, height);
    BufferedImage image = ImageIO.read(png.toFile());
    System.out.println(png + ": " + image.getWidth() + "×" + image.getHeight() + ", "
        + Files.size(png) / 1024 + " KiB");
    if (Files.size(png) > 1_000_000 && Files.isExecutable(Path.of("/usr/bin/pngquant"))) {
      new ProcessBuilder("/usr/bin/pngquant", "--force", "--skip-if-larger", "--output",
          png.toString(), "256", png.toString()).inheritIO().start().waitFor();
      System.out.println("quantised: " + Files.size(png) / 1024 + " KiB");
    }
  }
}
