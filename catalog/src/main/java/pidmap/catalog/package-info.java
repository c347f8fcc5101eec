/**
 * The catalog: reads the marks {@code @Checks} and {@code @Implements} from every module's
 * compiled code (bytecode, with ArchUnit's importer; nothing is loaded or run) and writes
 * docs/INVARIANTS.md and README's seed map from them and from the contract.
 *
 * <p>May use: {@code pidmap.spec} and ArchUnit. Its tests read every other module.
 */
package pidmap.catalog;
