package pidmap.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import pidmap.spec.CatchesTwin;
import pidmap.spec.Invariant;

/**
 * Every check has a broken twin that a test is seen to catch: docs/VERIFICATION.md's table of
 * twins is generated from the {@code @CatchesTwin} marks and must match them, and the build fails
 * when an invariant, a JCStress test, a Lincheck test or a verify row has no twin. With
 * {@code -Dpidmap.catalog.write=true} the sync test rewrites the table instead.
 */
class TwinTableTest {

  @Test
  void docsVerificationMdTwinTableIsUpToDate() throws IOException {
    Path file = RepoRoot.find().resolve("docs/VERIFICATION.md");
    String have = Files.readString(file);
    String want = TwinTableWriter.replaceIn(have, TwinTableWriter.table(CatalogClasses.twins()));
    if (Boolean.getBoolean("pidmap.catalog.write")) {
      Files.writeString(file, want);
      have = want;
    }
    assertThat(have).as("docs/VERIFICATION.md's twin table is out of date; regenerate it with:"
        + "%n    %s%n", CatalogWriter.REGENERATE).isEqualTo(want);
  }

  @Test
  void everyCheckHasATwinThatATestIsSeenToCatch() {
    assertThat(CatalogClasses.twins().problems()).isEmpty();
  }

  @Test
  void theChecksAreTheInvariantsTheJcstressAndLincheckTestsAndTheVerifyRows() {
    assertThat(CatalogClasses.twins().checks()).contains("PIDMAP-3", "HASH-1",
        "Alloc_01_TwoAllocsNeverShareAPid", "Pid_01_FindPidNsRaces", "AllocLinearizabilityTest",
        "verify row DifferentialCheck", "verify row KernelRowCheck");
    assertThat(CatalogClasses.twins().checks()).noneMatch(c -> c.startsWith("Broken_"));
  }

  // ---- the broken twins of this check: a check without a twin, and bad marks ----

  /** Stands in for a code base where only ALLOC-1 has a twin. */
  @CatchesTwin(invariant = Invariant.ALLOC_1, twin = String.class)
  static final class OnlyAlloc1HasATwin {}

  /** A mark naming both a check and an invariant. */
  @CatchesTwin(invariant = Invariant.ALLOC_1, check = Object.class, twin = String.class)
  static final class NamesTwoChecks {}

  /** A mark naming a class that is not a check. */
  @CatchesTwin(check = Object.class, twin = String.class)
  static final class NamesNoCheck {}

  @Test
  void aCheckWithoutATwinAndAMalformedMarkAreReported() {
    Twins few = Twins.of(new ClassFileImporter().importClasses(OnlyAlloc1HasATwin.class,
        NamesTwoChecks.class, NamesNoCheck.class));
    assertThat(few.twinsOf("ALLOC-1")).extracting(Twins.Twin::twin).containsExactly("String");
    assertThat(few.problems())
        .contains("PIDMAP-3: no test is marked @CatchesTwin for it")
        .doesNotContain("ALLOC-1: no test is marked @CatchesTwin for it")
        .anyMatch(p -> p.startsWith("TwinTableTest.NamesTwoChecks: names both"))
        .anyMatch(p -> p.startsWith("TwinTableTest.NamesNoCheck: java.lang.Object is not a check"));
  }
}
