package pidmap.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pidmap.spec.Implements;
import pidmap.spec.SeedFunction;

/**
 * A newcomer's path: README's seed map leads from every seed function to its model rendering, its
 * impl rendering and the invariants (and through docs/INVARIANTS.md, the checks) that cover it.
 * The map is generated from the {@code @Implements} marks and must match them; every relative
 * link of README and of docs/*.md resolves. With {@code -Dpidmap.catalog.write=true} the sync test
 * rewrites README's map instead.
 */
class SeedMapTest {

  @Test
  void readmeSeedMapIsUpToDate() throws IOException {
    Path readme = RepoRoot.find().resolve("README.md");
    String have = Files.readString(readme);
    String want = SeedMapWriter.replaceIn(have, SeedMapWriter.table(CatalogClasses.marks()));
    if (Boolean.getBoolean("pidmap.catalog.write")) {
      Files.writeString(readme, want);
      have = want;
    }
    assertThat(have).as("README.md's seed map is out of date; regenerate it with:%n    %s%n",
        CatalogWriter.REGENERATE).isEqualTo(want);
  }

  @Test
  void everySeedFunctionHasAModelAndAnImplRendering() {
    assertThat(CatalogClasses.marks().problems())
        .filteredOn(p -> p.contains("@Implements")).isEmpty();
  }

  @Test
  void everyRelativeLinkOfTheDocsResolves() throws IOException {
    Path root = RepoRoot.find();
    List<String> problems = new ArrayList<>(Links.problems(root.resolve("README.md")));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted()
          .forEach(p -> problems.addAll(Links.problems(p)));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theMapLinksBothRenderingsOfAllocPidmap() {
    String table = SeedMapWriter.table(CatalogClasses.marks());
    assertThat(table).contains("| `alloc_pidmap` (124-182 (with mk_pid, find_next_offset: 56-63))"
        + " | [ModelPidAllocator.alloc](model/src/main/java/pidmap/model/ModelPidAllocator.java)"
        + " | [BitmapPidAllocator.alloc](impl/src/main/java/pidmap/impl/BitmapPidAllocator.java)"
        + " | [ALLOC-1](docs/INVARIANTS.md#ALLOC-1)");
  }

  // ---- the broken twins: a missing rendering and a dead link are caught ----

  /** A stand-in for a code base whose impl lacks next_pidmap. */
  static final class OnlyTheModelRendersNextPidmap {
    @Implements(SeedFunction.NEXT_PIDMAP)
    int next(int last) {
      return last;
    }
  }

  @Test
  void aSeedFunctionWithoutAnImplRenderingIsReported() {
    Marks few = Marks.of(new ClassFileImporter()
        .importClasses(OnlyTheModelRendersNextPidmap.class));
    // The fixture is in the catalog module, so it counts for neither side: both are reported.
    assertThat(few.problems()).contains(
        "next_pidmap: nothing in model is marked @Implements(SeedFunction.NEXT_PIDMAP)",
        "next_pidmap: nothing in impl is marked @Implements(SeedFunction.NEXT_PIDMAP)");
    assertThat(few.renderingsOf(SeedFunction.NEXT_PIDMAP)).extracting(Mark::label)
        .containsExactly("SeedMapTest.OnlyTheModelRendersNextPidmap#next");
  }

  @Test
  void deadLinksAndMissingMembersAreReported(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("A.java"), "class A { void alloc() {} }");
    Files.writeString(dir.resolve("doc.md"), "# Title\n<a id=\"X-1\"></a>\n"
        + "[ok](A.java) [A.alloc](A.java) [A.free](A.java) [gone](B.java) [self](#title)"
        + " [x](#X-1) [y](#Y-2) [web](https://example.org/none)\n");
    assertThat(Links.problems(dir.resolve("doc.md"))).containsExactly(
        "doc.md: [A.free](A.java): A.java declares no free",
        "doc.md: [gone](B.java): no file " + dir.resolve("B.java"),
        "doc.md: [y](#Y-2): no anchor Y-2 in doc.md");
  }
}
