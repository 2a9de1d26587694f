/** A clock for seeded output: starts at `start` and moves `stepMs` forward on every reading. */
export function steppingClock(start: Date, stepMs = 1): () => Date {
  let now = start.getTime();
  return () => {
    const reading = new Date(now);
    now += stepMs;
    return reading;
  };
}
