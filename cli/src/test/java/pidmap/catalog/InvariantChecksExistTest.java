package pidmap.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pidmap.engine.invariants.Invariant;

/**
 * Every invariant names at least one check, and every check it names exists: a class (and
 * method) found by reflection among the compiled classes, or declared in a module's sources.
 */
class InvariantChecksExistTest {

  @Test
  void everyInvariantHasACheckAndEveryCheckExists() {
    CheckIndex index = new CheckIndex(RepoRoot.find());
    List<String> problems = new ArrayList<>();
    for (CatalogWriter.Section section : CatalogWriter.catalog()) {
      for (CatalogWriter.Entry e : section.entries()) {
        problems.addAll(index.problems(e));
      }
    }
    assertThat(problems).as("invariants whose checks are missing").isEmpty();
  }

  @Test
  void missingChecksAreReported() {
    CheckIndex index = new CheckIndex(RepoRoot.find());
    Invariant none = new Invariant("T-1", "s", "1", List.of(), s -> null);
    Invariant wrong = new Invariant("T-2", "s", "1", List.of(
        "InvariantChecksExistTest#missingChecksAreReported",
        "InvariantChecksExistTest#noSuchMethod",
        "NoSuchTest#x",
        "ExplorerTest",
        "pidmap.explorer.ExplorerTest#aDepthBoundStopsTheSearchAtThatLevel",
        "pidmap.model.ExplorerTest",
        "InterfaceTwins.SkipsPidThree",
        "InterfaceTwins.NoSuchInner",
        "#"), s -> null);
    assertThat(index.problems(CatalogWriter.Entry.of(none))).containsExactly("T-1: no check exercises it");
    assertThat(index.problems(CatalogWriter.Entry.of(wrong))).containsExactly(
        "T-2: InvariantChecksExistTest#noSuchMethod: class"
            + " pidmap.catalog.InvariantChecksExistTest has no method noSuchMethod",
        "T-2: NoSuchTest#x: no class NoSuchTest is compiled or has a source file in any module",
        "T-2: pidmap.model.ExplorerTest: no class pidmap.model.ExplorerTest is compiled or has a"
            + " source file in any module",
        "T-2: InterfaceTwins.NoSuchInner: " + RepoRoot.find().resolve(
            "explorer/src/test/java/pidmap/explorer/InterfaceTwins.java")
            + " declares no nested type NoSuchInner",
        "T-2: #: not of the form Class or Class#method");
  }
}
