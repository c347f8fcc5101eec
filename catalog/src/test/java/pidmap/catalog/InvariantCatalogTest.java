package pidmap.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import pidmap.engine.invariants.InvariantCheck;
import pidmap.engine.invariants.Invariants;
import pidmap.engine.layer.LayerInvariantCheck;
import pidmap.engine.layer.LayerInvariants;
import pidmap.spec.Checks;
import pidmap.spec.Invariant;

/**
 * docs/INVARIANTS.md is generated from the contract and from the {@code @Checks} marks of every
 * module, and must match them; every invariant has a predicate in the engine and at least one
 * check. With {@code -Dpidmap.catalog.write=true} the sync test rewrites the file instead.
 */
class InvariantCatalogTest {

  @Test
  void docsInvariantsMdIsUpToDate() throws IOException {
    Path file = RepoRoot.find().resolve("docs/INVARIANTS.md");
    String want = CatalogWriter.markdown(CatalogClasses.marks());
    if (Boolean.getBoolean("pidmap.catalog.write")) {
      Files.writeString(file, want);
    }
    String have = Files.exists(file) ? Files.readString(file) : "(missing)";
    assertThat(have)
        .as("docs/INVARIANTS.md is out of date; regenerate it with:%n    %s%n",
            CatalogWriter.REGENERATE)
        .isEqualTo(want);
  }

  @Test
  void everyInvariantIsExercisedByAMarkedCheck() {
    assertThat(CatalogClasses.marks().problems())
        .filteredOn(p -> !p.contains("@Implements")).isEmpty();
  }

  @Test
  void everyInvariantOfTheContractHasExactlyOnePredicateInTheEngine() {
    Set<Invariant> allocator = Invariants.ALL.stream().map(InvariantCheck::invariant)
        .collect(Collectors.toSet());
    Set<Invariant> layer = LayerInvariants.ALL.stream().map(LayerInvariantCheck::invariant)
        .collect(Collectors.toSet());
    assertThat(Invariants.ALL).hasSameSizeAs(allocator);
    assertThat(LayerInvariants.ALL).hasSameSizeAs(layer);
    for (Invariant i : Invariant.values()) {
      assertThat(i.part() == Invariant.Part.ALLOCATOR ? allocator : layer).as(i.id()).contains(i);
    }
    assertThat(allocator.size() + layer.size()).isEqualTo(Invariant.values().length);
  }

  @Test
  void theCheckedByColumnLinksEachMarkedCheckToItsSource() {
    String md = CatalogWriter.markdown(CatalogClasses.marks());
    assertThat(md).contains("| <a id=\"ALLOC-1\"></a>ALLOC-1 | " + Invariant.ALLOC_1.sentence());
    assertThat(md).contains("[DifferentialPropertiesTest#generatedTracesConform]"
        + "(../engine/src/test/java/pidmap/engine/DifferentialPropertiesTest.java)");
    assertThat(md).contains("[Alloc_01_TwoAllocsNeverShareAPid]"
        + "(../jcstress-tests/src/main/java/pidmap/jcstress/alloc/"
        + "Alloc_01_TwoAllocsNeverShareAPid.java)");
  }

  // ---- the broken twin: a check removed (or never written) is caught ----

  /** A stand-in for the code base in which only ALLOC-1 and NS-1 are exercised. */
  @Checks({Invariant.ALLOC_1, Invariant.NS_1})
  static final class OnlyTwoChecks {}

  @Test
  void anInvariantWithoutACheckIsReported() {
    Marks few = Marks.of(new ClassFileImporter().importClasses(OnlyTwoChecks.class));
    Set<Invariant> reported = EnumSet.noneOf(Invariant.class);
    for (String p : few.problems()) {
      if (p.contains("@Checks")) {
        reported.add(Invariant.byId(p.substring(0, p.indexOf(':'))));
      }
    }
    Set<Invariant> expected = EnumSet.allOf(Invariant.class);
    expected.remove(Invariant.ALLOC_1);
    expected.remove(Invariant.NS_1);
    assertThat(reported).isEqualTo(expected);
    assertThat(few.checksOf(Invariant.ALLOC_1)).extracting(Mark::label)
        .containsExactly("InvariantCatalogTest.OnlyTwoChecks");
  }
}
