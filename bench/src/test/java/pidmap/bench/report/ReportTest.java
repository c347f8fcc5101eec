package pidmap.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The report tool on a small JMH JSON fixture (src/test/resources/jmh-fixture.json, in JMH's own
 * format, rows deliberately out of order, one error "NaN" as JMH writes it for one iteration):
 * the table's rows and cells, the targets' ratios and verdicts, and the marker splice.
 */
class ReportTest {

  static List<BenchResult> fixture() throws Exception {
    return BenchResult.read(Path.of(ReportTest.class.getResource("/jmh-fixture.json").toURI()));
  }

  @Test
  void parsesEveryResultWithItsParamsThreadsScoreAndError() throws Exception {
    List<BenchResult> rs = fixture();
    assertThat(rs).hasSize(10);
    BenchResult first = rs.get(0);
    assertThat(first.benchmark()).isEqualTo("AllocFreeBench.allocFree");
    assertThat(first.impl()).isEqualTo("impl");
    assertThat(first.caseParams()).containsExactly(java.util.Map.entry("fillPercent", "50"));
    assertThat(first.score()).isEqualTo(30.0);
    assertThat(first.error()).isEqualTo(3.0);
    assertThat(rs.get(3).error()).isNaN();
    assertThat(rs.get(5).threads()).isEqualTo(2);
  }

  @Test
  void tableHasOneRowPerWorkloadInSuiteOrderAndOneColumnPerImplementation() throws Exception {
    String[] lines = Table.markdown(fixture()).split("\n");
    assertThat(lines).containsExactly(
        "| workload (ns/op, ± 99.9% error) | model | impl | bitset-sync | floor |",
        "|---|---:|---:|---:|---:|",
        "| alloc+free, 1 thread, fill 1% | — | 27.5 ± 1.25 | 9.41 ± 0.50 | 22.0 |",
        "| alloc+free, 1 thread, fill 50% | — | 30.0 ± 3.00 | — | 20.0 ± 2.00 |",
        "| alloc+free, 2 threads, fill 1% | — | 40.0 ± 4.00 | 80.0 ± 8.00 | — |",
        "| worst case: alloc at 4,194,304 pids, 1 free | 123,456,789 ± 1,000,000 | 411 ± 12.0 | — | — |",
        "| find_pid_ns hit, depth 4 | — | 15.0 ± 1.00 | — | — |");
  }

  @Test
  void targetsAreRatiosWithPropagatedErrorsAndVerdicts() throws Exception {
    List<Targets.Target> ts = Targets.compute(fixture());
    assertThat(ts).extracting(Targets.Target::what).containsExactly(
        "impl / floor, alloc+free, 1 thread, fill 1%",
        "impl / floor, alloc+free, 1 thread, fill 50%",
        "bitset-sync / impl, alloc+free, 1 thread, fill 1%",
        "bitset-sync / impl, alloc+free, 2 threads, fill 1%",
        "impl worst-case alloc at 4,194,304 pids");
    assertThat(ts).extracting(Targets.Target::measured).containsExactly(
        "1.25", "1.50 ± 0.21", "0.34 ± 0.02", "2.00 ± 0.28", "411 ± 12.0 ns");
    assertThat(ts).extracting(Targets.Target::met).containsExactly(true, true, false, true, true);
  }

  @Test
  void markersReplaceOnlyTheirBlock() {
    String doc = "a\n<!-- bench:results -->\nold\n<!-- /bench:results -->\nb\n";
    assertThat(Markers.replace(doc, "results", "new"))
        .isEqualTo("a\n<!-- bench:results -->\nnew\n<!-- /bench:results -->\nb\n");
    assertThatThrownBy(() -> Markers.replace(doc, "memory", "x"))
        .hasMessage("marker: <!-- bench:memory --> ... <!-- /bench:memory -->"
            + " (expected: both in the document, in that order)");
  }

  @Test
  void refusesJsonThatIsNotJmhsArray() throws Exception {
    assertThatThrownBy(() -> BenchResult.parse(new ObjectMapper().readTree("{\"a\":1}")))
        .hasMessage("JMH result: OBJECT (expected: the JSON array that -rf json writes)");
  }

  @Test
  void memoryTableShowsWhatTheImplHoldsBesideItsPages() {
    String md = MemoryTable.markdown("implementation\t100 in use\tall taken\n"
        + "impl\t5560\t527784\nmodel\t6120\t234886568\n");
    assertThat(md.split("\n")).containsExactly(
        "| implementation | 100 in use | all taken |",
        "|---|---:|---:|",
        "| impl | 5,560 B | 527,784 B (515.4 KiB) |",
        "| impl minus its pages | 1,464 B (1 page) | 3,496 B (128 pages) |",
        "| model | 6,120 B | 234,886,568 B (224.0 MiB) |");
  }
}
