/** The one-line error the loader gives for scenario text it must refuse; fails the test when it loads. */
import { expect } from 'vitest';
import { UserError } from '../../lib/errors.js';
import { parseScenario } from '../../harness/scenario/load.js';

export function scenarioError(text: string, file = 'scenarios/t.yaml'): string {
  try {
    parseScenario(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error('expected the scenario to be rejected');
}
