package pidmap.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import pidmap.spec.PidmapException;
import pidmap.spec.pid.CloneFlags;
import pidmap.spec.pid.PidType;
import pidmap.trace.layer.LayerOp;

/** The pid layer's trace lines: what they look like, and that reading one back gives the op. */
class LayerOpTest {

  @Test
  void everyGeneratedOpReadsBackAsItself() {
    int seen = 0;
    for (long seed = 1; seed <= 5; seed++) {
      for (LayerOp op : LayerTraceGenerator.generate(seed, 200).ops()) {
        assertThat(LayerOp.parse(op.toJson())).isEqualTo(op);
        seen++;
      }
    }
    assertThat(seen).isEqualTo(5 * 201);
  }

  @Test
  void linesNameTheOpAndItsFields() {
    assertThat(LayerOp.fork(7, "t3", CloneFlags.CLONE_NEWPID).toJson())
        .isEqualTo("{\"op\":\"fork\",\"id\":7,\"parent\":\"t3\",\"flags\":\"CLONE_NEWPID\"}");
    assertThat(LayerOp.lookup(LayerOp.Kind.FIND_TASK_BY_PID_TYPE_NS, null, null, "n2",
        PidType.PGID, 4).toJson())
        .isEqualTo("{\"op\":\"find_task_by_pid_type_ns\",\"type\":\"pgid\",\"nr\":4,\"ns\":\"n2\"}");
    assertThat(LayerOp.tasks(LayerOp.Kind.TRANSFER, "t1", "t2", PidType.SID).toString())
        .isEqualTo("transfer_pid t1 t2 sid");
    assertThat(LayerOp.parse("{\"op\":\"fork\",\"id\":1,\"parent\":\"t0\","
        + "\"flags\":\"CLONE_NEWPID|CLONE_THREAD\"}").flags())
        .isEqualTo(CloneFlags.CLONE_NEWPID | CloneFlags.CLONE_THREAD);
    assertThat(LayerOp.parse("{\"op\":\"pid_nr_ns\",\"pid\":\"p3\",\"ns\":\"null\"}").ns())
        .isEqualTo("null");
  }

  @Test
  void unknownOpsTypesAndFlagsAreRefused() {
    assertThatThrownBy(() -> LayerOp.parse("{\"op\":"))
        .isInstanceOf(PidmapException.class)
        .hasMessage("line: {\"op\": (expected: one JSON object, e.g. {\"op\":\"grace\"})");
    assertThatThrownBy(() -> LayerOp.parse("{\"op\":\"clone\"}"))
        .isInstanceOf(PidmapException.class)
        .hasMessage("op: clone (expected: a pid layer operation such as fork, exit, find_pid_ns)");
    assertThatThrownBy(() -> LayerOp.parse("{\"op\":\"pid_task\",\"pid\":\"p1\",\"type\":\"tgid\"}"))
        .hasMessage("type: tgid (expected: one of pid, pgid, sid)");
    assertThatThrownBy(() -> LayerOp.parse("{\"op\":\"fork\",\"id\":1,\"parent\":\"t0\","
        + "\"flags\":\"CLONE_VM\"}"))
        .hasMessage("flags: CLONE_VM (expected: CLONE_NEWPID, CLONE_THREAD, 0x<hex> or 0, joined"
            + " by |)");
  }
}
