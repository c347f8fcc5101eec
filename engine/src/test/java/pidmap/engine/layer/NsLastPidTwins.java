package pidmap.engine.layer;

import pidmap.impl.pid.ImplPidLayer;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.PidNs;

/**
 * Broken twins of the ns_last_pid write: the impl layer with the write sent to the wrong
 * namespace or with the wrong value. Test scope only; not thread-safe (as the layer under it).
 */
final class NsLastPidTwins {
  private NsLastPidTwins() {}

  /** Every write lands in init_pid_ns, whatever namespace the writer is active in. */
  static final class NsLastPidWriteLandsInTheRoot extends ForwardingPidLayer {
    NsLastPidWriteLandsInTheRoot(LayerConfig c) {
      super(new ImplPidLayer(c));
    }

    @Override
    public void setLastPid(PidNs ns, int value) {
      delegate.setLastPid(delegate.initPidNs(), Math.min(value, delegate.initPidNs().pidmap().pidMax()));
    }
  }

  /** The cursor is set one past the value written, so the next fork skips a free number. */
  static final class NsLastPidWriteIsOffByOne extends ForwardingPidLayer {
    NsLastPidWriteIsOffByOne(LayerConfig c) {
      super(new ImplPidLayer(c));
    }

    @Override
    public void setLastPid(PidNs ns, int value) {
      delegate.setLastPid(ns, value >= 0 && value < ns.pidmap().pidMax() ? value + 1 : value);
    }
  }
}
