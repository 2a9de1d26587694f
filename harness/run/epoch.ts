/** Virtual time starts here for every builtin run, so files and journals carry the same times each run. */
export const RUN_EPOCH = new Date('2026-05-01T12:00:00Z');
