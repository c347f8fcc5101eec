package pidmap.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import pidmap.engine.invariants.Invariant;
import pidmap.engine.invariants.Invariants;
import pidmap.engine.layer.LayerInvariant;
import pidmap.engine.layer.LayerInvariants;

/**
 * docs/INVARIANTS.md is generated from the catalog and must match it. With
 * {@code -Dpidmap.catalog.write=true} this test rewrites the file instead of failing.
 */
class InvariantCatalogTest {

  @Test
  void docsInvariantsMdIsUpToDate() throws IOException {
    Path file = RepoRoot.find().resolve("docs/INVARIANTS.md");
    List<CatalogWriter.Section> catalog = CatalogWriter.catalog();
    if (Boolean.getBoolean("pidmap.catalog.write")) {
      CatalogWriter.write(file, catalog);
      System.out.println("wrote " + file);
    }
    String want = CatalogWriter.markdown(catalog);
    String have = Files.exists(file) ? Files.readString(file) : "(missing)";
    assertThat(have)
        .as("docs/INVARIANTS.md is out of date with pidmap.engine.invariants.Invariants; regenerate it with:%n"
            + "    %s%n", CatalogWriter.REGENERATE)
        .isEqualTo(want);
  }

  @Test
  void theTableHasOneRowPerInvariantWithItsChecks() {
    Invariant a = new Invariant("T-1", "A | B.", "1-2", List.of("X#y", "Z"), s -> null);
    Invariant b = new Invariant("T-2", "C.", "3", List.of(), s -> null);
    LayerInvariant c = new LayerInvariant("L-1", "D.", "4", List.of("W"), s -> null);
    String md = CatalogWriter.markdown(List.of(
        CatalogWriter.Section.ofAllocator("First", "a.B", List.of(a, b)),
        CatalogWriter.Section.ofLayer("Second", "c.D", List.of(c))));
    assertThat(md.lines().filter(l -> l.startsWith("| T-") || l.startsWith("| L-")
        || l.startsWith("## ")))
        .containsExactly("## First", "| T-1 | A \\| B. | 1-2 | `X#y`<br>`Z` |",
            "| T-2 | C. | 3 |  |", "## Second", "| L-1 | D. | 4 | `W` |");
    assertThat(md).contains("Generated from `a.B` and `c.D`");
  }

  @Test
  void theCatalogHasEveryInvariantOfBothLayers() {
    assertThat(CatalogWriter.catalog().stream().mapToInt(s -> s.entries().size()).sum())
        .isEqualTo(Invariants.ALL.size() + LayerInvariants.ALL.size());
  }
}
