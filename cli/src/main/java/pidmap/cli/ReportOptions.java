package pidmap.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;
import pidmap.engine.report.Format;
import pidmap.trace.OutputDir;

/**
 * {@code --format} and {@code --out}: how a command prints its verdict, and where it writes the
 * files it names. Not thread-safe: picocli fills the fields for one run.
 */
public final class ReportOptions {

  @Option(names = "--format", paramLabel = "F", defaultValue = "text",
      converter = FormatName.class, completionCandidates = FormatName.class,
      description = "text (for people), json (one object) or junit (JUnit XML, for CI);"
          + " docs/CLI.md gives each schema (default: ${DEFAULT-VALUE})")
  Format format = Format.TEXT;

  @Option(names = "--out", paramLabel = "DIR",
      description = "where to write the files pidmap names (a failure's trace);"
          + " default: target/pidmap under the current directory")
  Path out;

  /** {@code text}, {@code json} or {@code junit}, in any case. Stateless. */
  static final class FormatName implements ITypeConverter<Format>, Iterable<String> {
    @Override
    public Format convert(String value) {
      for (Format f : Format.values()) {
        if (f.id().equalsIgnoreCase(value)) {
          return f;
        }
      }
      throw new TypeConversionException("expected one of text, json, junit but was '" + value
          + "'");
    }

    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(Format.values()).map(Format::id).iterator();
    }
  }

  OutputDir outputDir() {
    return out == null ? OutputDir.standard() : new OutputDir(out);
  }

  boolean text() {
    return format == Format.TEXT;
  }
}
