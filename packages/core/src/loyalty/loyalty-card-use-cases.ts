import { DomainError, invalid, notFound } from '../errors/domain-error';
import { normalizePhone } from '../clients/phone';
import type { Clock } from '../ports';
import type { LoyaltyUow, LoyaltyTransaction } from './ports';
import type { LoyaltyCard } from './types';

type Deps = { uow: LoyaltyUow; clock: Clock };

/** `POST /loyalty/cards/{company_id}`: issues a card of a chain card type to a phone. */
export async function issueLoyaltyCard(
  deps: Deps,
  locationId: number,
  input: { number: string; typeId: number; phone: string },
): Promise<LoyaltyCard> {
  const phone = normalizePhone(input.phone);
  const number = input.number.trim();
  if (!/^[A-Za-z0-9-]{1,32}$/.test(number))
    throw invalid(
      'loyalty_card_number',
      'loyalty_card_number must be 1–32 letters, digits or dashes',
    );
  return deps.uow(async (r) => {
    const loc = await r.chainScope.findLocationChain(locationId);
    if (!loc) throw notFound('Location');
    const type = await r.loyaltyTypes.findCardType(loc.chainId, input.typeId);
    if (!type) throw invalid('loyalty_card_type_id', 'No such card type in this chain');
    if (type.locationIds.length && !type.locationIds.includes(locationId))
      throw new DomainError(
        'not_allowed',
        'This card type is not issued at this location',
        'loyalty_card_type_id',
      );
    const card = await r.loyaltyCards.insertCard({
      chainId: loc.chainId,
      typeId: type.id,
      number,
      phone,
    });
    if (!card)
      throw new DomainError(
        'conflict',
        'A card with this number exists in the chain',
        'loyalty_card_number',
      );
    return card;
  });
}

export async function deleteLoyaltyCard(deps: Deps, chainId: number, id: number): Promise<void> {
  if (!(await deps.uow((r) => r.loyaltyCards.deleteCard(chainId, id))))
    throw notFound('Loyalty card');
}

/** A manual bonus change (positive or negative, never below zero). */
export async function addManualCardTransaction(
  deps: Deps,
  chainId: number,
  locationId: number,
  cardId: number,
  input: { amountCents: number; comment: string },
): Promise<LoyaltyCard> {
  if (!Number.isInteger(input.amountCents) || input.amountCents === 0)
    throw invalid('amount', 'amount must be a non-zero sum');
  return deps.uow(async (r) => {
    const card = await r.loyaltyCards.findCard(chainId, cardId);
    if (!card) throw notFound('Loyalty card');
    if (!(await r.loyaltyCards.addToBalance(card.id, input.amountCents)))
      throw new DomainError('not_allowed', 'The card balance cannot go below zero', 'amount');
    await r.loyaltyCards.insertTransaction({
      cardId: card.id,
      programId: null,
      recordId: null,
      locationId,
      kind: 'manual',
      amountCents: input.amountCents,
      comment: input.comment,
    });
    return (await r.loyaltyCards.findCard(chainId, cardId))!;
  });
}

export function listCardTransactions(
  deps: Deps,
  chainId: number,
  filter: { cardId?: number; recordId?: number },
): Promise<LoyaltyTransaction[]> {
  return deps.uow((r) => r.loyaltyCards.listTransactions({ chainId, ...filter }));
}
