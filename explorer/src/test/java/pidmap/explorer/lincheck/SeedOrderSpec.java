package pidmap.explorer.lincheck;

import java.util.Objects;
import pidmap.model.ModelPidAllocator;
import pidmap.spec.PidmapException;
import pidmap.spec.Profile;

/**
 * Specification (b), "alloc returns the pid the seed's cyclic order would pick": the model, with
 * the operations of {@link AllocFreeOps} and {@link NextOps} (pid_max 8,
 * RESERVED_PIDS 1). Sequential; equal when their states are.
 */
public class SeedOrderSpec {
  private final ModelPidAllocator model =
      new ModelPidAllocator(AllocFreeOps.TWO_PAGES, Profile.LINUX_2_6_24);

  public int alloc() {
    return model.alloc();
  }

  public boolean free(int pid) {
    try {
      model.free(pid);
      return true;
    } catch (PidmapException e) {
      return false;
    }
  }

  public int next(int last) {
    return model.next(last);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SeedOrderSpec s && model.lastPid() == s.model.lastPid()
        && model.allocated().equals(s.model.allocated());
  }

  @Override
  public int hashCode() {
    return Objects.hash(model.lastPid(), model.allocated());
  }
}
