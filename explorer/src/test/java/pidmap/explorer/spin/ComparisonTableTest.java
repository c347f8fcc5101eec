package pidmap.explorer.spin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The side-by-side table names every column it fills, and computes the ratio from its cells. */
class ComparisonTableTest {

  private static final Spin.Result SPIN = new Spin.Result(1_000, 2_001, 0, 4.0, 1.0, "");

  private static long cells(String line) {
    return line.chars().filter(c -> c == '|').count() - 1;
  }

  /** Whether the header, the separator and every row have the same number of cells. */
  static boolean aligned(String table) {
    List<String> lines = table.lines().toList();
    long n = cells(lines.get(0));
    return lines.stream().allMatch(l -> cells(l) == n);
  }

  @Test
  void theHeaderTheSeparatorAndEachRowHaveTheSameCells() {
    String t = Comparison.table(List.of(new Comparison.Row("4/2/16 pid_max 14", 1_000, 2_000,
        -1, 2.0, 1.5, SPIN)));
    assertThat(aligned(t)).as(t).isTrue();
    assertThat(t.lines().findFirst().orElseThrow()).contains("| explorer wall s |");
    assertThat(t).contains("| 4/2/16 pid_max 14 | 1,000 | 2,000 | 2.0 | 1.5 | 1,000 | 2,001 |"
        + " 4.0 (+1.0 build) | 2.00 |");
  }

  @Test
  void aHeaderMissingTheWallColumnIsCaught() {
    String t = Comparison.table(List.of(new Comparison.Row("s", 1, 1, -1, 1.0, 1.0, SPIN)));
    String broken = t.replace(" explorer wall s |", "");
    assertThat(aligned(broken)).isFalse();
  }

  @Test
  void theRatioIsStatesPerCpuSecondOverSpins() {
    Comparison.Row r = new Comparison.Row("s", 1_000, 2_000, -1, 2.0, 1.5, SPIN);
    assertThat(r.ratio()).isEqualTo((1_000 / 2.0) / (1_000 / 4.0));
  }
}
