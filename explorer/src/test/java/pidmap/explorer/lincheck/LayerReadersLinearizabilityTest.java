package pidmap.explorer.lincheck;

import org.junit.jupiter.api.Test;
import pidmap.spec.Checks;
import pidmap.spec.Invariant;

/**
 * The pid layer's lock-free reader, find_pid_ns, against its writers alloc_pid and free_pid
 * (docs/LINEARIZABILITY.md): linearizable to "a number is found exactly while its pid is hashed"
 * with fork and exit as in specification (r). Lincheck's model checker explores the interleavings
 * of the writers' locked sections with the reader's walk of a hash chain; the release and
 * acquire on the chain heads are JCStress's to test (Pid_01).
 */
class LayerReadersLinearizabilityTest {

  @Test
  @Checks({Invariant.PID_1, Invariant.NS_1})
  void findPidNsIsLinearizableAgainstAllocPidAndFreePid() {
    Lincheck.modelChecking()
        .verifier(SomeFreePidVerifier.FailsOnlyWhenFullOrRaced.class)
        .check(LayerReaderOps.class);
  }

  @Test
  void findPidNsIsLinearizableUnderStress() {
    Lincheck.stress().verifier(SomeFreePidVerifier.FailsOnlyWhenFullOrRaced.class)
        .check(LayerReaderOps.class);
  }
}
