package pidmap.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The layout's arrows point down only: cli → verify → (explorer, kit → oracle) → engine → trace
 * → (model, impl) → spec, and model and impl never see each other. Checked on the compiled main
 * classes of every module on this classpath (the Maven modules enforce the same between modules;
 * this also covers the packages inside a module).
 */
class DependencyArrowsTest {

  /** Each package layer, bottom first, with the layers it may use besides itself. */
  static final Map<String, List<String>> MAY_USE = Map.ofEntries(
      Map.entry("pidmap.spec..", List.of()),
      Map.entry("pidmap.model..", List.of("pidmap.spec..")),
      Map.entry("pidmap.impl..", List.of("pidmap.spec..")),
      Map.entry("pidmap.trace..", List.of("pidmap.spec..")),
      Map.entry("pidmap.engine..", List.of("pidmap.spec..", "pidmap.model..", "pidmap.impl..",
          "pidmap.trace..")),
      Map.entry("pidmap.explorer..", List.of("pidmap.spec..", "pidmap.model..", "pidmap.impl..",
          "pidmap.trace..", "pidmap.engine..")),
      Map.entry("pidmap.oracle..", List.of("pidmap.spec..", "pidmap.model..", "pidmap.impl..",
          "pidmap.trace..", "pidmap.engine..")),
      Map.entry("pidmap.kit..", List.of("pidmap.spec..", "pidmap.model..", "pidmap.impl..",
          "pidmap.trace..", "pidmap.engine..", "pidmap.oracle..")),
      Map.entry("pidmap.verify..", List.of("pidmap.spec..", "pidmap.model..", "pidmap.impl..",
          "pidmap.trace..", "pidmap.engine..", "pidmap.explorer..", "pidmap.oracle..")),
      Map.entry("pidmap.catalog..", List.of("pidmap.spec..")));

  static final List<String> ALL_LAYERS = List.of("pidmap.spec..", "pidmap.model..",
      "pidmap.impl..", "pidmap.trace..", "pidmap.engine..", "pidmap.explorer..",
      "pidmap.oracle..", "pidmap.kit..", "pidmap.verify..", "pidmap.catalog..", "pidmap.cli..");

  static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("-tests.jar")) // test fixtures
        .importPackages("pidmap");
  }

  static List<String> layers() {
    return List.copyOf(MAY_USE.keySet()).stream().sorted().toList();
  }

  /** The rule for one layer: it uses no pidmap package outside itself and what it may use. */
  static ArchRule ruleFor(String layer) {
    List<String> forbidden = new ArrayList<>(ALL_LAYERS);
    forbidden.remove(layer);
    forbidden.removeAll(MAY_USE.get(layer));
    return noClasses().that().resideInAPackage(layer)
        .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
        .because(layer + " may use only " + MAY_USE.get(layer));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layers")
  void noArrowRunsBackUp(String layer) {
    ruleFor(layer).check(classes);
  }

  @Test
  void theImportSeesEveryModule() {
    for (String layer : ALL_LAYERS) {
      String pkg = layer.substring(0, layer.length() - 2);
      org.assertj.core.api.Assertions.assertThat(classes.stream()
          .anyMatch(c -> c.getPackageName().startsWith(pkg)))
          .as("classes of %s on the classpath", pkg).isTrue();
    }
  }

  @Test
  void noPackagesFormACycle() {
    slices().matching("pidmap.(**)").should().beFreeOfCycles().check(classes);
  }

  // ---- the broken twin: a back edge is seen to fail the rule ----

  @Test
  void aModelClassThatUsesTheImplIsCaught() {
    JavaClasses twin = new ClassFileImporter().importClasses(
        pidmap.model.ModelUsingImplTwin.class, pidmap.impl.BitmapPidAllocator.class);
    org.assertj.core.api.Assertions.assertThat(ruleFor("pidmap.model..").evaluate(twin)
        .hasViolation()).isTrue();
    org.assertj.core.api.Assertions.assertThat(ruleFor("pidmap.impl..").evaluate(twin)
        .hasViolation()).isFalse();
  }
}
