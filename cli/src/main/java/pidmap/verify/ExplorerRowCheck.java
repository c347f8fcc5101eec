package pidmap.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import pidmap.engine.AllocatorFactory;
import pidmap.explorer.ExploreResult;
import pidmap.explorer.Explorer;
import pidmap.explorer.Scope;
import pidmap.impl.BitmapPidAllocator;

/**
 * One exhaustive small-scope exploration as a verify row: every reachable state of the scope,
 * every operation from each, model against impl ({@link Explorer}). The row's "traces" column
 * counts states and its "steps" column transitions. Not thread-safe: one run at a time.
 */
public final class ExplorerRowCheck implements Check {
  private final Scope scope;
  private final AllocatorFactory candidate;

  public ExplorerRowCheck(Scope scope) {
    this(scope, BitmapPidAllocator::new);
  }

  /** The model against another allocator, e.g. a broken twin. */
  public ExplorerRowCheck(Scope scope, AllocatorFactory candidate) {
    this.scope = scope;
    this.candidate = candidate;
  }

  @Override
  public String name() {
    return "explore";
  }

  @Override
  public String target() {
    String depth = scope.maxDepth() == Scope.UNBOUNDED ? "every reachable state"
        : "states within " + scope.maxDepth() + " ops";
    return scope.name().replaceAll(" depth<=\\d+$", "") + ", " + depth + " / "
        + scope.profile().id();
  }

  @Override
  public CheckResult run(Progress progress) {
    Explorer.Progress levels = (s, depth, states, transitions, millis) ->
        progress.say(String.format(Locale.ROOT, "explore %s: depth %d, %,d states, %,d transitions",
            s.name(), depth, states, transitions));
    ExploreResult r = Explorer.explore(scope, "impl", candidate,
        Explorer.Settings.defaults().with(levels));
    if (r.passed()) {
      return new CheckResult(r.states(), r.transitions(), null);
    }
    String trace = r.counterexample().toTrace(scope.geometry(), scope.profile());
    Path file = null;
    try {
      file = Files.createTempFile("pidmap-explore-", ".jsonl");
      Files.writeString(file, trace);
    } catch (IOException e) {
      progress.say("could not write the counterexample: " + e.getMessage());
    }
    return new CheckResult(r.states(), r.transitions(), new CheckResult.Failure(
        "shortest failing path: " + r.counterexample(), 0, trace, file));
  }
}
