package pidmap.engine.layer;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import pidmap.impl.pid.ImplPidLayer;
import pidmap.model.pid.ModelPidLayer;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.PidLayer;
import pidmap.trace.layer.LayerOp;

/** The layers every contract test runs against, and small configurations for them. */
final class Layers {
  private Layers() {}

  /** Four pids per page, 2 reserved, 16 pids; 16 hash chains. */
  static final Geometry SMALL = Geometry.small(4, 2, 16);

  static LayerConfig small(Integer... pidMaxByLevel) {
    return new LayerConfig(SMALL, Profile.LINUX_2_6_24, 0, List.of(pidMaxByLevel));
  }

  /** The model and the impl, named for the test report. */
  static Stream<Named<Function<LayerConfig, PidLayer>>> both() {
    return Stream.of(
        Named.of("model", ModelPidLayer::new),
        Named.of("impl", ImplPidLayer::new));
  }

  /** A driver on a fresh layer, with the given ops already run (each must not be refused). */
  static LayerDriver driver(Function<LayerConfig, PidLayer> factory, LayerConfig config,
      LayerOp... ops) {
    LayerDriver d = new LayerDriver(factory.apply(config));
    for (LayerOp op : ops) {
      String out = d.apply(op);
      if (out.startsWith("refused") || out.equals("skip")) {
        throw new IllegalStateException(op + " -> " + out);
      }
    }
    return d;
  }
}
