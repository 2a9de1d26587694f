// Placeholder while the command is being built (issue 5); replaced before it is committed.
import { UserError } from '../../errors.js';

export async function run(): Promise<number> {
  throw new UserError('report: not built yet');
}
