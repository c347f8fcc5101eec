/**
 * The pid layer's checks: its invariants' predicates, the driver that builds process-like
 * operations (fork, exit, setsid, ...) from pid.c's functions, the lockstep engine of model
 * against impl, the layer trace generator and the layer campaign.
 *
 * <p>May use: spec, model, impl, trace, {@code pidmap.engine.shrink}.
 */
package pidmap.engine.layer;
