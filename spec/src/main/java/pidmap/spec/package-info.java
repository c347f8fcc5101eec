/**
 * The contract of the pid bitmap allocator: what must hold, and nothing that checks it. The
 * geometry and profile types, the kernel's interface to an allocator ({@link
 * pidmap.spec.PidAllocator}) apart from the read-only view that checks use ({@link
 * pidmap.spec.PidmapInspection}), the error vocabulary ({@link pidmap.spec.PidmapException}, one
 * argument checker {@link pidmap.spec.Require}) and the invariants' ids, sentences and seed
 * lines.
 *
 * <p>May use: the JDK only. Used by every other module.
 */
package pidmap.spec;
