import { notFound } from '../errors/domain-error';
import { checkProgramScope, cleanProgramInput } from './loyalty-program-use-cases';
import type { LoyaltyUow } from './ports';
import type { LoyaltyProgram, LoyaltyProgramInput } from './types';

type Deps = { uow: LoyaltyUow };

/**
 * PUT /chain/{chain_id}/loyalty/programs/{id}: the same body and rules as creating it. A program
 * can always be edited; settled visits keep what they got, the next settlement uses the new
 * settings (programs are read when a visit is paid).
 */
export async function updateLoyaltyProgram(
  deps: Deps,
  chainId: number,
  id: number,
  input: LoyaltyProgramInput,
): Promise<LoyaltyProgram> {
  const clean = cleanProgramInput(input);
  return deps.uow(async (r) => {
    const scoped = await checkProgramScope(r, chainId, clean);
    const program = await r.loyaltyPrograms.updateProgram(chainId, id, scoped);
    if (!program) throw notFound('Loyalty program');
    return program;
  });
}
