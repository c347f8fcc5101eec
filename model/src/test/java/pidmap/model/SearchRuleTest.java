package pidmap.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pidmap.spec.Geometry;

/** The search rules' candidate ranges print as half-open intervals, as their Javadoc writes them. */
class SearchRuleTest {

  @Test
  void seedRuleRangesPrintHalfOpen() {
    Geometry g = Geometry.small(4, 2, 14);
    assertThat(new SeedSearchRule().candidates(5, 14, g).toString()).isEqualTo("[[6, 14), [2, 5)]");
  }
}
