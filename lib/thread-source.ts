/**
 * A worker's program from a function's source text (and the helper functions it calls, declared before
 * it): a worker cannot load this module itself when it runs from TypeScript sources (tests, tsx), and such
 * a program needs nothing but Node and absolute module paths. Transpilers that keep function names (tsx)
 * wrap nested functions in a `__name` helper from the module scope: stand one in.
 */
export function threadSource(program: () => void, ...helpers: Array<(...args: never[]) => unknown>): string {
  return ['const __name = (target) => target;', ...helpers.map(String), `(${program.toString()})();`].join('\n');
}
