package pidmap.conformance.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import pidmap.spec.Invariant;

/**
 * docs/INVARIANTS.md is generated from the catalog and must match it. With
 * {@code -Dpidmap.catalog.write=true} this test rewrites the file instead of failing.
 */
class InvariantCatalogTest {

  @Test
  void docsInvariantsMdIsUpToDate() throws IOException {
    Path file = RepoRoot.find().resolve("docs/INVARIANTS.md");
    List<Invariant> catalog = CatalogWriter.catalog();
    if (Boolean.getBoolean("pidmap.catalog.write")) {
      CatalogWriter.write(file, catalog);
      System.out.println("wrote " + file);
    }
    String want = CatalogWriter.markdown(catalog);
    String have = Files.exists(file) ? Files.readString(file) : "(missing)";
    assertThat(have)
        .as("docs/INVARIANTS.md is out of date with pidmap.spec.Invariants; regenerate it with:%n"
            + "    %s%n", CatalogWriter.REGENERATE)
        .isEqualTo(want);
  }

  @Test
  void theTableHasOneRowPerInvariantWithItsChecks() {
    Invariant a = new Invariant("T-1", "A | B.", "1-2", List.of("X#y", "Z"), s -> null);
    Invariant b = new Invariant("T-2", "C.", "3", List.of(), s -> null);
    String md = CatalogWriter.markdown(List.of(a, b));
    assertThat(md.lines().filter(l -> l.startsWith("| T-")))
        .containsExactly("| T-1 | A \\| B. | 1-2 | `X#y`<br>`Z` |", "| T-2 | C. | 3 |  |");
  }
}
