package pidmap.verify;

import pidmap.engine.layer.ForwardingPidLayer;
import pidmap.impl.pid.ImplPidLayer;
import pidmap.spec.Profile;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidNs;

/** Broken twins for the verify rows that {@link ForgetsPageEndFree} does not cover. Test scope. */
final class VerifyRowTwins {
  private VerifyRowTwins() {}

  /** A layer whose find_ge_pid finds only a pid with exactly the number asked for. */
  static final class FindGePidFindsOnlyExactNumbers extends ForwardingPidLayer {
    FindGePidFindsOnlyExactNumbers(LayerConfig c) {
      super(new ImplPidLayer(c));
    }

    @Override
    public Pid findGePid(int nr, PidNs ns) {
      return delegate.findPidNs(nr, ns);
    }
  }

  /**
   * The seed's rule answering for linux-6: the model, the impl and the engine's scans all follow
   * linux-2.6.24, so they agree with one another and only the running kernel can tell.
   */
  static final class SeedRuleForLinux6 {
    private SeedRuleForLinux6() {}

    static final Profile PROFILE = Profile.LINUX_2_6_24;
  }
}
