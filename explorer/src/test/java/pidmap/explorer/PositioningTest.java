package pidmap.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pidmap.engine.Apply;
import pidmap.impl.BitmapPidAllocator;
import pidmap.impl.LastPidUpdate;
import pidmap.model.ModelPidAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.InspectablePidAllocator;
import pidmap.spec.PidmapException;
import pidmap.spec.Profile;
import pidmap.trace.Op;

/**
 * The explorer puts model and impl at a state without a path to it; that must be the state a
 * path reaches. For every state of the two-page geometry with every pid_max: the canonical path
 * takes a fresh model and a fresh impl there, and from there every operation answers and moves
 * exactly as it does on the model put there by {@link ModelPidAllocator#at} and on the impl put
 * there through the explorer's memory.
 */
class PositioningTest {

  private static final Geometry TWO_PAGES = new Geometry(4, 2, 8, 6);

  @ParameterizedTest
  @EnumSource(Profile.class)
  void aStatePutDirectlyBehavesAsTheStateAPathReaches(Profile p) {
    Scope scope = Scope.allPidMax(TWO_PAGES, p);
    long states = 0;
    for (long i = 0; i < scope.indexSpace(); i++) {
      long s = scope.state(i);
      if (!scope.isState(s)) {
        continue;
      }
      assertThat(scope.index(s)).isEqualTo(i);
      states++;
      for (int code : Ops.from(StateCode.pidMax(s), TWO_PAGES)) {
        InspectablePidAllocator model = walked(s, new ModelPidAllocator(TWO_PAGES, p));
        InspectablePidAllocator impl = walked(s, new BitmapPidAllocator(TWO_PAGES, p));
        ModelPidAllocator put = ModelPidAllocator.at(TWO_PAGES, p, bits(StateCode.set(s)),
            bits(StateCode.installed(s)), StateCode.lastPid(s), StateCode.pidMax(s));
        SequentialMemory memory = new SequentialMemory(TWO_PAGES);
        BitmapPidAllocator onMemory =
            BitmapPidAllocator.on(memory, TWO_PAGES, p, LastPidUpdate.SEED_PLAIN_STORE);
        memory.position(s);
        Op op = Ops.op(code);
        String a = Apply.run(op, model).toString();
        assertThat(Apply.run(op, impl).toString()).as("%s %s", StateCode.toString(s), op)
            .isEqualTo(a);
        assertThat(Apply.run(op, put).toString()).isEqualTo(a);
        assertThat(Apply.run(op, onMemory).toString()).isEqualTo(a);
        long after = state(model);
        assertThat(state(impl)).isEqualTo(after);
        assertThat(state(put)).isEqualTo(after);
        assertThat(state(onMemory)).isEqualTo(after);
      }
    }
    assertThat(states).isEqualTo(scope.states());
  }

  private static InspectablePidAllocator walked(long s, InspectablePidAllocator a) {
    for (Op op : StateCode.canonicalPath(s, TWO_PAGES)) {
      assertThat(Apply.run(op, a).kind()).as("%s on the path to %s", op, StateCode.toString(s))
          .isNotEqualTo(pidmap.trace.Outcome.Kind.REFUSED);
    }
    assertThat(state(a)).as("the path to %s", StateCode.toString(s)).isEqualTo(s);
    return a;
  }

  private static long state(InspectablePidAllocator a) {
    return StateCode.of(a, a.lastPid(), a.pidMax());
  }

  private static BitSet bits(long word) {
    return BitSet.valueOf(new long[] {word});
  }

  @Test
  void theEncodingKeepsEachPart() {
    long s = StateCode.of(0b1010_0001L, 7, 12, 0b101);
    assertThat(StateCode.set(s)).isEqualTo(0b1010_0001L);
    assertThat(StateCode.lastPid(s)).isEqualTo(7);
    assertThat(StateCode.pidMax(s)).isEqualTo(12);
    assertThat(StateCode.installed(s)).isEqualTo(0b101);
    assertThat(StateCode.toString(s)).isEqualTo("{0,5,7} last=7 pid_max=12 pages=0,2");
  }

  @Test
  void theModelRefusesAStateNoRunReaches() {
    Geometry g = Geometry.small(4, 2, 14);
    assertThatThrownBy(() -> ModelPidAllocator.at(g, Profile.LINUX_2_6_24, bits(0b10), bits(1),
        0, 14)).hasMessageContaining("pid 0");
    assertThatThrownBy(() -> ModelPidAllocator.at(g, Profile.LINUX_2_6_24, bits(0b10001),
        bits(1), 0, 14)).hasMessageContaining("page 1 is not installed");
    assertThatThrownBy(() -> ModelPidAllocator.at(g, Profile.LINUX_2_6_24, bits(1), bits(1),
        0, 17)).isInstanceOf(PidmapException.class).hasMessageContaining("pid_max: 17");
  }
}
