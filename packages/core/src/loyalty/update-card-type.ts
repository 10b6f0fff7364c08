import { notFound } from '../errors/domain-error';
import type { LoyaltyUow } from './ports';
import type { LoyaltyCardType } from './types';
import { checkChainIds, requireTitle } from './validate-scope';

type Deps = { uow: LoyaltyUow };

/**
 * `PUT /chain/{chain_id}/loyalty/card_types/{type_id}` (Visita): renames a card type and sets
 * where it is issued (`[]`: every location). Issued cards keep their number, balance and history.
 */
export async function updateCardType(
  deps: Deps,
  chainId: number,
  id: number,
  input: { title: string; locationIds: number[] },
): Promise<LoyaltyCardType> {
  const title = requireTitle(input.title);
  const locationIds = [...new Set(input.locationIds)];
  return deps.uow(async (r) => {
    await checkChainIds(r.chainScope, chainId, { locationIds }, { locationIds: 'salon_ids' });
    const type = await r.loyaltyTypes.updateCardType(chainId, id, title, locationIds);
    if (!type) throw notFound('Loyalty card type');
    return type;
  });
}
