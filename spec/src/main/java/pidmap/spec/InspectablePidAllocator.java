package pidmap.spec;

/**
 * An allocator that can also be inspected: what the model and the impl both are, so that the
 * engine compares their whole states and not only their answers.
 */
public interface InspectablePidAllocator extends PidAllocator, PidmapInspection {}
