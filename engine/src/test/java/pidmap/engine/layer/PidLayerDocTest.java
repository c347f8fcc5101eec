package pidmap.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/PID_LAYER.md lists every invariant of the catalog word for word, and every seed function. */
class PidLayerDocTest {

  private static final Path DOC = Path.of("..", "docs", "PID_LAYER.md");

  /** Every function (and static object) of the seed, and the header inlines the layer keeps. */
  static final List<String> SEED_FUNCTIONS = List.of(
      "pid_hashfn", "hash_long", "init_pid_ns", "init_struct_pid", "mk_pid", "find_next_offset",
      "is_container_init", "free_pidmap", "alloc_pidmap", "next_pidmap", "put_pid",
      "delayed_put_pid", "free_pid", "alloc_pid", "find_pid_ns", "attach_pid", "detach_pid",
      "transfer_pid", "pid_task", "find_task_by_pid_type_ns", "find_task_by_pid",
      "find_task_by_vpid", "find_task_by_pid_ns", "get_task_pid", "get_pid_task", "find_get_pid",
      "pid_nr_ns", "find_ge_pid", "create_pid_cachep", "create_pid_namespace",
      "destroy_pid_namespace", "copy_pid_ns", "free_pid_ns", "zap_pid_ns_processes",
      "pidhash_init", "pidmap_init", "get_pid", "get_pid_ns", "put_pid_ns");

  private static String doc() throws IOException {
    return Files.readString(DOC);
  }

  @Test
  void everyInvariantIsInTheTableWordForWord() throws IOException {
    String doc = doc();
    for (LayerInvariant inv : LayerInvariants.ALL) {
      assertThat(doc).contains("| " + inv.id() + " | " + inv.sentence() + " | ");
    }
  }

  @Test
  void everySeedFunctionHasARowWithModelImplAndChecks() throws IOException {
    List<String> rows = doc().lines().filter(l -> l.startsWith("| `")).toList();
    for (String f : SEED_FUNCTIONS) {
      assertThat(rows).as(f).anySatisfy(row -> {
        assertThat(row.substring(0, row.indexOf(" |", 2))).contains("`" + f + "`");
        assertThat(row.split(" \\| ")).as("seed, model, impl, checks").hasSize(4);
      });
    }
  }
}
