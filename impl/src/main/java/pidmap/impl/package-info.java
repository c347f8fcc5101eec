/**
 * The seed-shaped allocator: lazily installed bitmap pages, atomic free counters, lock-free
 * alloc and free. {@code BitmapPidAllocator} composes {@code Pages} (slots, counters, bits), the
 * profile's {@code Search} ({@code SeedSearch}, {@code CyclicSearch}) and a {@code LastPidUpdate}
 * policy, all on one {@code PidmapMemory}: the seam through which every shared-memory access
 * goes, with its ordering stated per method, and which the explorers implement to position and
 * to schedule the real code. Each class states its thread-safety.
 *
 * <p>May use: {@code pidmap.spec} only (never model).
 */
package pidmap.impl;
