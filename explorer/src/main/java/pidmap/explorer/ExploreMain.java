package pidmap.explorer;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Runs an exploration suite from the command line, progress on stderr, one row per scope on
 * stdout; exits 1 when a scope fails. {@code ./pidmap verify} calls {@link Explorer} directly;
 * this is for long runs and for measuring.
 *
 * <pre>java -cp conformance/target/pidmap.jar pidmap.explorer.ExploreMain \
 *     [quick|standard|deep|full] [part of a scope name]</pre>
 */
public final class ExploreMain {
  private ExploreMain() {}

  public static void main(String[] args) {
    String suite = args.length > 0 ? args[0] : "standard";
    List<Scope> scopes;
    switch (suite) {
      case "quick":
        scopes = Scope.quick();
        break;
      case "standard":
        scopes = Scope.standard();
        break;
      case "deep":
        scopes = Scope.deep();
        break;
      case "full":
        scopes = Scope.full();
        break;
      default:
        throw new IllegalArgumentException(
            "suite: " + suite + " (expected: quick, standard, deep, full)");
    }
    if (args.length > 1) {
      scopes = scopes.stream().filter(s -> s.name().contains(args[1])).collect(Collectors.toList());
    }
    boolean ok = true;
    for (Scope s : scopes) {
      ExploreResult r = Explorer.explore(s, "impl", pidmap.impl.BitmapPidAllocator::new,
          Explorer.Settings.defaults().with((scope, depth, states, transitions, millis) ->
              System.err.printf(Locale.ROOT, "  %s: depth %d, %,d states, %,d transitions, %.1f s%n",
                  scope.name(), depth, states, transitions, millis / 1000.0)));
      System.out.println(r);
      if (!r.passed()) {
        System.out.println(r.counterexample().toTrace(s.geometry(), s.profile()));
        ok = false;
      }
    }
    System.exit(ok ? 0 : 1);
  }
}
