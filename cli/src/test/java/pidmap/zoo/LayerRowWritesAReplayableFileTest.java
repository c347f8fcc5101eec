package pidmap.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import pidmap.engine.layer.LayerReplay;
import pidmap.trace.layer.LayerTraceFile;
import pidmap.verify.CheckResult;
import pidmap.verify.LayerRowCheck;
import pidmap.verify.Progress;

/**
 * A failing "pid layer" row of verify writes its shrunk trace as a layer trace file, and that
 * file fails the same way when replayed against the same candidate (here a zoo layer bug; the
 * real row's candidate is the impl, which ./pidmap replay uses).
 */
class LayerRowWritesAReplayableFileTest {

  @Test
  void aFailingLayerRowWritesAFileThatReplaysTheFailure() throws IOException {
    LayerRowCheck row = new LayerRowCheck(40, 150, 1,
        ZooLayers.allocPidLeaksTheNamespaceOnFailure());
    CheckResult r = row.run(Progress.silent());
    assertThat(r.failure()).as("the zoo bug is caught").isNotNull();
    assertThat(r.failure().file()).isNotNull();
    try {
      LayerTraceFile.Trace t = LayerTraceFile.parse(Files.readAllLines(r.failure().file()));
      LayerReplay.Outcome o = LayerReplay.run(t.config(),
          ZooLayers.allocPidLeaksTheNamespaceOnFailure(), t.lines(), s -> { });
      assertThat(o.ok()).isFalse();
      assertThat(r.failure().message()).contains(o.failure().invariant());
      assertThat(r.failure().replayCommand()).startsWith("./pidmap replay ");
    } finally {
      Files.deleteIfExists(r.failure().file());
    }
  }
}
