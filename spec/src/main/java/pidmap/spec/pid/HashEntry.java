package pidmap.spec.pid;

/**
 * One number of one pid as it sits in the pid hash: the chain it is on, and what it says.
 *
 * @param bucket the index of its chain
 * @param nr the number
 * @param ns the namespace of the number
 * @param pid the pid it belongs to
 */
public record HashEntry(int bucket, int nr, PidNs ns, Pid pid) {}
