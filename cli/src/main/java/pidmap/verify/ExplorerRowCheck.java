package pidmap.verify;

import java.nio.file.Path;
import java.util.Locale;
import pidmap.explorer.Candidate;
import pidmap.explorer.ExploreResult;
import pidmap.explorer.Explorer;
import pidmap.explorer.Scope;
import pidmap.spec.Profile;
import pidmap.trace.CannotWriteException;

/**
 * One exhaustive small-scope exploration as a verify row: every reachable state of the scope,
 * every operation from each, model against impl ({@link Explorer}). The row's "traces" column
 * counts states and its "steps" column transitions. Not thread-safe: one run at a time.
 */
public final class ExplorerRowCheck implements Check {
  private final Scope scope;

  public ExplorerRowCheck(Scope scope) {
    this.scope = scope;
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
  public Profile profile() {
    return scope.profile();
  }

  @Override
  public CheckResult run(Progress progress) {
    Explorer.Progress levels = (s, stage, states, transitions, millis) ->
        progress.say(String.format(Locale.ROOT, "explore %s / %s: %s, %,d states,"
            + " %,d transitions", s.name(), s.profile().id(), stage, states, transitions));
    ExploreResult r = Explorer.explore(scope, Candidate.impl(),
        Explorer.Settings.defaults().with(levels));
    if (r.passed()) {
      return new CheckResult(r.states(), r.transitions(), null);
    }
    String trace = r.counterexample().toTrace(scope.geometry(), scope.profile());
    Path file = null;
    try {
      file = progress.out().write("verify-explore-" + scope.profile().id(), trace);
    } catch (CannotWriteException e) {
      progress.say("the counterexample is printed below but not written: " + e.getMessage());
    }
    return new CheckResult(r.states(), r.transitions(), new CheckResult.Failure(
        "shortest failing path: " + r.counterexample(), 0, trace, file,
        "the shortest failing path from a fresh state (no seed: the explorer visits every"
            + " state; no expects: replay compares model and impl)"));
  }
}
