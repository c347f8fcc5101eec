package pidmap.catalog;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * The compiled code of every module, main and tests, as this module's test classpath has it
 * (test-jars included), without this module's own test fixtures. Imported once.
 */
final class CatalogClasses {
  private CatalogClasses() {}

  private static JavaClasses all;

  static synchronized JavaClasses all() {
    if (all == null) {
      all = new ClassFileImporter()
          .withImportOption(location -> !location.contains("/catalog/target/test-classes/"))
          .importPackages("pidmap");
    }
    return all;
  }

  static Marks marks() {
    return Marks.of(all());
  }
}
