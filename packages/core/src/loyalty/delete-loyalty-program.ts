import { notFound } from '../errors/domain-error';
import type { LoyaltyUow } from './ports';

type Deps = { uow: LoyaltyUow };

/**
 * DELETE /chain/{chain_id}/loyalty/programs/{id}: always allowed; the program stops applying to
 * future settlements, past transactions keep pointing at it.
 */
export async function deleteLoyaltyProgram(deps: Deps, chainId: number, id: number): Promise<void> {
  await deps.uow(async (r) => {
    if (!(await r.loyaltyPrograms.deleteProgram(chainId, id))) throw notFound('Loyalty program');
  });
}
