package pidmap.engine.invariants;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Looking an allocator invariant up by its id, as the command line's --invariant does. */
class InvariantLookupTest {

  @Test
  void eachInvariantIsFoundByItsOwnId() {
    for (InvariantCheck check : Invariants.ALL) {
      assertThat(check.id()).isEqualTo(check.invariant().id());
      assertThat(Invariants.byId(check.id())).containsSame(check);
    }
    assertThat(Invariants.byId("PIDMAP-3")).containsSame(Invariants.PAGES_WHERE_SEARCHED);
  }

  @Test
  void anUnknownIdFindsNothing() {
    assertThat(Invariants.byId("PIDMAP-99")).isEmpty();
  }
}
