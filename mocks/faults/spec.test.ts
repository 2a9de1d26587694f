import { describe, expect, it } from 'vitest';
import { ownParams, parseFaultSpec } from './spec.js';

describe('fault spec', () => {
  it('reads kind and key=value pairs', () => {
    const spec = parseFaultSpec('throttle:every=3,retry-after=2,route=graph.users.*');
    expect(spec).toEqual({
      kind: 'throttle',
      params: { every: '3', 'retry-after': '2', route: 'graph.users.*' },
      text: 'throttle:every=3,retry-after=2,route=graph.users.*',
    });
    expect(ownParams(spec)).toEqual({ 'retry-after': '2' });
    expect(parseFaultSpec('network-error').params).toEqual({});
  });

  it.each([
    ['thrrottle:every=3', /unknown fault "thrrottle" \(did you mean "throttle"\? known: throttle,/],
    ['throttle:every', /"every" is not key=value/],
    ['throttle:every=x', /every=x must be a whole number/],
    ['server-error:probability=1.5', /probability=1.5 must be a number between 0 and 1/],
    ['throttle:bucket=10,refill=0', /refill=0 must be a positive number of units per second/],
    ['throttle:bucket=ten', /bucket=ten must be a whole number/],
  ])('rejects %s with a one-line reason', (text, message) => {
    expect(() => parseFaultSpec(text)).toThrow(message);
    try {
      parseFaultSpec(text);
    } catch (error) {
      expect((error as Error).name).toBe('UserError');
      expect((error as Error).message).not.toContain('\n');
    }
  });
});
