/**
 * "Did you mean" for a mistyped key or value: the closest known word, only when it is close enough that
 * suggesting it helps rather than confuses (a wild guess is worse than the list of known words).
 */
export { closest } from '../../lib/edit-distance.js';
