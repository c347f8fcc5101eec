package pidmap.engine.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

/** A scan says it passes exactly the pages it was built with, and keeps its own copy of them. */
class SearchScanPassesTest {

  @Test
  void aScanPassesExactlyItsPages() {
    BitSet pages = new BitSet();
    pages.set(1);
    pages.set(3);
    SearchScan s = new SearchScan(5, pages);
    pages.set(2); // the caller's set changes afterwards
    assertThat(s.passes(0)).isFalse();
    assertThat(s.passes(1)).isTrue();
    assertThat(s.passes(2)).isFalse();
    assertThat(s.passes(3)).isTrue();
  }
}
