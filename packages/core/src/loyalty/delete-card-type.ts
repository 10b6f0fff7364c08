import { DomainError, notFound } from '../errors/domain-error';
import type { LoyaltyUow } from './ports';

type Deps = { uow: LoyaltyUow };

/**
 * `DELETE /chain/{chain_id}/loyalty/card_types/{type_id}` (Visita). Refused (409) while cards of
 * the type are issued or a live program names it; otherwise the type is hidden (soft delete:
 * deleted cards and their transactions still point at it).
 */
export async function deleteCardType(deps: Deps, chainId: number, id: number): Promise<void> {
  return deps.uow(async (r) => {
    // FOR UPDATE: waits for a card being issued (which holds the type FOR SHARE) or a program
    // being saved with it, so the checks below see them.
    if (!(await r.loyaltyTypes.lockCardTypeForChange(chainId, id)))
      throw notFound('Loyalty card type');
    const cards = await r.loyaltyTypes.countIssuedCards(id);
    if (cards > 0)
      throw new DomainError(
        'conflict',
        `${cards} ${cards === 1 ? 'card' : 'cards'} of this type ${cards === 1 ? 'is' : 'are'} issued: delete them first, then the type`,
      );
    const programs = await r.loyaltyPrograms.listProgramTitlesWithCardType(chainId, id);
    if (programs.length)
      throw new DomainError(
        'conflict',
        `Programs use this card type (${programs.map((t) => `"${t}"`).join(', ')}): take it out of them first`,
      );
    await r.loyaltyTypes.softDeleteCardType(id);
  });
}
