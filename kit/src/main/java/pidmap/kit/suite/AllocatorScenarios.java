package pidmap.kit.suite;

import static pidmap.kit.suite.Req.alloc;
import static pidmap.kit.suite.Req.free;
import static pidmap.kit.suite.Req.getLast;
import static pidmap.kit.suite.Req.getPidMax;
import static pidmap.kit.suite.Req.next;
import static pidmap.kit.suite.Req.setLast;
import static pidmap.kit.suite.Req.setPidMax;

import java.util.ArrayList;
import java.util.List;

/**
 * The allocator-level scenarios, written from the rules of docs/PROFILES.md so that each one
 * turns on its own suite's rule only: where a scenario must reach the top of the range without
 * judging whether pid_max is handed out, it first takes pid_max - 1 and pid_max and then lowers
 * pid_max under them (live pids above pid_max stay taken), so an allocator that hands out
 * pid_max finds it taken. Stateless.
 */
final class AllocatorScenarios {
  private AllocatorScenarios() {}

  static List<SuiteScenario> firstPid() {
    return List.of(
        SuiteScenario.allocator("first-pid", "after init (pid 1), a fresh namespace hands out 2, 3",
            alloc(), alloc()),
        SuiteScenario.allocator("first-pid", "ns_last_pid of a fresh namespace reads 1", getLast()),
        SuiteScenario.allocator("first-pid", "the first pid above 0 in use is init's, 1", next(0)));
  }

  static List<SuiteScenario> cursor() {
    return List.of(
        SuiteScenario.allocator("cursor", "a freed pid does not come back at once",
            alloc(), alloc(), free(2), alloc()),
        SuiteScenario.allocator("cursor", "a freed last_pid does not come back at once",
            alloc(), alloc(), free(3), alloc(), getLast()),
        SuiteScenario.allocator("cursor", "after ns_last_pid is written, the search starts right above it",
            setPidMax(1000), setLast(499), alloc(), alloc(), free(500), setLast(499), alloc(),
            alloc()));
  }

  static List<SuiteScenario> wrap() {
    return List.of(
        SuiteScenario.allocator("wrap", "after the top, the search wraps to RESERVED_PIDS (300),"
                + " not to 1 or 2, once last_pid has passed 300",
            setPidMax(1001), setLast(998), alloc(), alloc(), setPidMax(1000), alloc(), alloc()),
        SuiteScenario.allocator("wrap", "when 300 is taken, the wrap goes on to the next free pid",
            setPidMax(1001), setLast(299), alloc(), setLast(998), alloc(), alloc(),
            setPidMax(1000), alloc()),
        SuiteScenario.allocator("wrap", "while the cursor is at most 300, the wrap goes down to 1"
                + " (init holds 1, so 2)",
            setPidMax(302), setLast(299), alloc(), alloc(), setPidMax(301), setLast(299),
            alloc()),
        SuiteScenario.allocator("wrap", "the wrap reaches last_pid itself: a freed last_pid comes"
                + " back when nothing else in [300, pid_max) is free",
            setPidMax(304), setLast(301), alloc(), alloc(), setPidMax(303), setLast(299),
            alloc(), alloc(), free(301), alloc()),
        SuiteScenario.allocator("wrap", "pid_max lowered below last_pid: the next alloc wraps",
            setPidMax(1000), setLast(700), alloc(), setPidMax(500), alloc()));
  }

  static List<SuiteScenario> pidMaxExclusive() {
    Rule below400 = Rule.pidBelow(400);
    return List.of(
        SuiteScenario.allocator("pid-max-exclusive", "the pid after pid_max - 1 is not pid_max",
            setPidMax(400), setLast(398), alloc(), alloc().judgedBy(below400)),
        SuiteScenario.allocator("pid-max-exclusive", "with ns_last_pid at pid_max, alloc does not"
                + " hand out pid_max or above",
            setPidMax(400), setLast(400), alloc().judgedBy(below400)),
        SuiteScenario.allocator("pid-max-exclusive", "the largest pid is pid_max - 1",
            setPidMax(400), setLast(398), alloc(), next(398)));
  }

  static List<SuiteScenario> exhaustion() {
    // 2..299 from the fresh cursor, then 300 and 301 from ns_last_pid 299, then pid_max lowered
    // under 301: every pid below pid_max is taken for every wrap rule. The last lines alone
    // (set_last 299, alloc, set_pid_max 301, alloc) already exhaust Linux, so a hang or a crash
    // shrinks to them.
    List<Req> fill = new ArrayList<>(List.of(setPidMax(302)));
    for (int i = 2; i <= 299; i++) {
      fill.add(alloc());
    }
    fill.addAll(List.of(setLast(299), alloc(), alloc(), setPidMax(301), alloc(), getLast(),
        alloc()));
    return List.of(new SuiteScenario("exhaustion", "when every pid below pid_max is taken, alloc"
        + " fails at once with EAGAIN (linux-2.6.24: ENOMEM) and moves nothing", fill,
        List.of()));
  }

  static List<SuiteScenario> nsLastPid() {
    return List.of(
        SuiteScenario.allocator("ns-last-pid", "ns_last_pid takes [0, pid_max]",
            setPidMax(1000), setLast(1001), setLast(-1), setLast(1000), getLast(), setLast(0),
            getLast()),
        SuiteScenario.allocator("ns-last-pid", "writing ns_last_pid moves the search: the next pid"
                + " is the value + 1", setPidMax(1000), setLast(499), alloc(), getLast()),
        SuiteScenario.allocator("ns-last-pid", "ns_last_pid is the pid last handed out",
            alloc(), getLast(), alloc(), free(3), getLast()),
        SuiteScenario.allocator("ns-last-pid", "ns_last_pid above a lowered pid_max is refused",
            setPidMax(1000), setPidMax(500), setLast(501), setLast(500)));
  }

  static List<SuiteScenario> pidMax() {
    return List.of(
        SuiteScenario.allocator("pid-max", "pid_max takes [301, 4194304]",
            setPidMax(300), setPidMax(4194305), setPidMax(301), getPidMax(),
            setPidMax(4194304), getPidMax()),
        SuiteScenario.allocator("pid-max", "pid_max lowered below live pids: they stay taken",
            setPidMax(1000), setLast(700), alloc(), setPidMax(500), next(700), free(701),
            next(700), getPidMax()));
  }
}
