package pidmap.conformance.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import pidmap.spec.Invariant;
import pidmap.spec.Invariants;

/**
 * Writes {@code docs/INVARIANTS.md}, the invariant catalog as a markdown table, from a list of
 * {@link Invariant}s (by default {@link #catalog()}). A test keeps the file in sync.
 *
 * <p>Run: {@code java -cp conformance/target/pidmap.jar pidmap.conformance.catalog.CatalogWriter
 * [docs/INVARIANTS.md]}, or see {@link #REGENERATE} for the Maven way. Stateless.
 */
public final class CatalogWriter {
  private CatalogWriter() {}

  /** The command that regenerates the file; failures of the sync test print it. */
  public static final String REGENERATE = "mvn -B -q -pl conformance -am test"
      + " -Dtest=InvariantCatalogTest -Dsurefire.failIfNoSpecifiedTests=false"
      + " -Dpidmap.catalog.write=true";

  /** Every invariant that goes into docs/INVARIANTS.md; add new catalogs here. */
  public static List<Invariant> catalog() {
    return Invariants.ALL;
  }

  /** The whole file for {@code invariants}, in their order. */
  public static String markdown(List<Invariant> invariants) {
    StringBuilder b = new StringBuilder();
    b.append("# Invariants\n\n");
    b.append("Generated from `pidmap.spec.Invariants` by `pidmap.conformance.catalog.CatalogWriter`;"
        + " do not edit by hand.\nRegenerate with:\n\n    ").append(REGENERATE).append("\n\n");
    b.append("Each invariant is checked after every step by the differential engine (on the model"
        + " and on the\ncandidate) and is exercised by the checks named in the last column"
        + " (`Class#method`, a test\nclass, or a JCStress test). Seed lines refer to"
        + " `pid.c-2.6.24.txt`.\n\n");
    b.append("| id | invariant | seed lines | checked by |\n");
    b.append("|---|---|---|---|\n");
    for (Invariant inv : invariants) {
      b.append("| ").append(cell(inv.id()))
          .append(" | ").append(cell(inv.sentence()))
          .append(" | ").append(cell(inv.seedLines()))
          .append(" | ").append(inv.checkedBy().stream()
              .map(c -> "`" + c.replace("`", "") + "`")
              .collect(Collectors.joining("<br>")))
          .append(" |\n");
    }
    return b.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  /** Writes {@link #markdown} of {@code invariants} to {@code file}. */
  public static void write(Path file, List<Invariant> invariants) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, markdown(invariants), StandardCharsets.UTF_8);
  }

  /** Writes the catalog to the path given, or to {@code docs/INVARIANTS.md}. */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args.length > 0 ? args[0] : "docs/INVARIANTS.md");
    write(file, catalog());
    System.out.println("wrote " + file + " (" + catalog().size() + " invariants)");
  }
}
