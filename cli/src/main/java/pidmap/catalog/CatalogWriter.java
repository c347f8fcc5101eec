package pidmap.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import pidmap.engine.invariants.Invariant;
import pidmap.engine.invariants.Invariants;
import pidmap.engine.layer.LayerInvariant;
import pidmap.engine.layer.LayerInvariants;

/**
 * Writes {@code docs/INVARIANTS.md}, the invariant catalog as markdown tables, one section per
 * catalog ({@link #catalog()}: the allocator's {@link Invariants} and the pid layer's
 * {@link LayerInvariants}). Any list of invariants of either kind makes a section; a test keeps
 * the file in sync, another checks that every named check exists.
 *
 * <p>Run: {@code java -cp conformance/target/pidmap.jar pidmap.catalog.CatalogWriter
 * [docs/INVARIANTS.md]}, or see {@link #REGENERATE} for the Maven way. Stateless.
 */
public final class CatalogWriter {
  private CatalogWriter() {}

  /** The command that regenerates the file; failures of the sync test print it. */
  public static final String REGENERATE = "mvn -B -q -pl cli -am test"
      + " -Dtest=InvariantCatalogTest -Dsurefire.failIfNoSpecifiedTests=false"
      + " -Dpidmap.catalog.write=true";

  /** One row: what the catalog says about an invariant, whatever its predicate's type. */
  public record Entry(String id, String sentence, String seedLines, List<String> checkedBy) {
    public Entry {
      checkedBy = List.copyOf(checkedBy);
    }

    public static Entry of(Invariant i) {
      return new Entry(i.id(), i.sentence(), i.seedLines(), i.checkedBy());
    }

    public static Entry of(LayerInvariant i) {
      return new Entry(i.id(), i.sentence(), i.seedLines(), i.checkedBy());
    }
  }

  /** A titled table of entries, and the class they come from. */
  public record Section(String title, String source, List<Entry> entries) {
    public Section {
      entries = List.copyOf(entries);
    }

    /** A section from allocator invariants. */
    public static Section ofAllocator(String title, String source, List<Invariant> list) {
      return new Section(title, source, list.stream().map(Entry::of).collect(Collectors.toList()));
    }

    /** A section from pid-layer invariants. */
    public static Section ofLayer(String title, String source, List<LayerInvariant> list) {
      return new Section(title, source, list.stream().map(Entry::of).collect(Collectors.toList()));
    }
  }

  /** Every catalog that goes into docs/INVARIANTS.md; add new ones here. */
  public static List<Section> catalog() {
    return List.of(
        Section.ofAllocator("The pid bitmap allocator", "pidmap.engine.invariants.Invariants", Invariants.ALL),
        Section.ofLayer("The pid layer: struct pid, namespaces, hash, tasks",
            "pidmap.engine.layer.LayerInvariants", LayerInvariants.ALL));
  }

  /** The whole file for {@code sections}, in their order. */
  public static String markdown(List<Section> sections) {
    StringBuilder b = new StringBuilder();
    b.append("# Invariants\n\n");
    b.append("Generated from ")
        .append(sections.stream().map(s -> "`" + s.source() + "`").collect(Collectors.joining(
            " and ")))
        .append(" by `pidmap.catalog.CatalogWriter`;\ndo not edit by hand."
            + " Regenerate with:\n\n    ").append(REGENERATE).append("\n\n");
    b.append("Each invariant is checked after every step by its differential engine (on the model"
        + " and on the\ncandidate) and is exercised by the checks named in the last column"
        + " (`Class#method`, a test\nclass, or a JCStress test); `InvariantChecksExistTest`"
        + " fails when one is missing. Seed lines\nare line numbers of `kernel/pid.c` in Linux 2.6.24,"
        + " <" + SEED_URL + ">\n(docs/DESIGN.md).\n");
    for (Section s : sections) {
      b.append("\n## ").append(s.title()).append("\n\n").append(table(s.entries()));
    }
    return b.toString();
  }

  /** The seed at the v2.6.24 tag upstream, which every seed line number refers to. */
  public static final String SEED_URL =
      "https://github.com/torvalds/linux/blob/v2.6.24/kernel/pid.c";

  /** One markdown table: id, invariant, seed lines, checked by. */
  public static String table(List<Entry> entries) {
    StringBuilder b = new StringBuilder();
    b.append("| id | invariant | seed lines | checked by |\n");
    b.append("|---|---|---|---|\n");
    for (Entry e : entries) {
      b.append("| ").append(cell(e.id()))
          .append(" | ").append(cell(e.sentence()))
          .append(" | ").append(cell(e.seedLines()))
          .append(" | ").append(e.checkedBy().stream()
              .map(c -> "`" + c.replace("`", "") + "`")
              .collect(Collectors.joining("<br>")))
          .append(" |\n");
    }
    return b.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  /** Writes {@link #markdown} of {@code sections} to {@code file}. */
  public static void write(Path file, List<Section> sections) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, markdown(sections), StandardCharsets.UTF_8);
  }

  /** Writes the catalog to the path given, or to {@code docs/INVARIANTS.md}. */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args.length > 0 ? args[0] : "docs/INVARIANTS.md");
    write(file, catalog());
    int n = catalog().stream().mapToInt(s -> s.entries().size()).sum();
    System.out.println("wrote " + file + " (" + n + " invariants)");
  }
}
