import { DomainError, invalid, notFound } from '../errors/domain-error';
import { normalizePhone } from '../clients/phone';
import type { Clock } from '../ports';
import type { LoyaltyUow, LoyaltyTransaction } from './ports';
import { bonusSpendPlan } from './bonus-lots';
import { cardAt } from './card-rules';
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
    const type = await r.loyaltyTypes.lockCardTypeForIssue(loc.chainId, input.typeId);
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

/**
 * A manual bonus change: a positive one is a lot that does not expire (unless `expiresAt`); a
 * negative one is taken from the soonest-expiring unexpired lots, never below zero.
 */
export async function addManualCardTransaction(
  deps: Deps,
  chainId: number,
  locationId: number,
  cardId: number,
  input: { amountCents: number; comment: string; expiresAt?: number | null | undefined },
): Promise<LoyaltyCard> {
  const now = deps.clock.now().getTime();
  if (!Number.isInteger(input.amountCents) || input.amountCents === 0)
    throw invalid('amount', 'amount must be a non-zero sum');
  return deps.uow(async (r) => {
    const found = await r.loyaltyCards.findCard(chainId, cardId);
    const card = found ? await r.loyaltyCards.lockCard(found.id) : null;
    if (!card) throw notFound('Loyalty card');
    const below = () =>
      new DomainError('not_allowed', 'The card balance cannot go below zero', 'amount');
    if (input.amountCents > 0) {
      if (input.expiresAt != null && input.expiresAt <= now)
        throw invalid('expires_at', 'expires_at must be in the future');
      await r.loyaltyCards.insertBonusLot({
        cardId: card.id,
        recordId: null,
        programId: null,
        amountCents: input.amountCents,
        expiresAt: input.expiresAt ?? null,
      });
    } else {
      const plan = bonusSpendPlan(card.bonusLots ?? [], now, -input.amountCents);
      if (!plan) throw below();
      for (const step of plan)
        if (!(await r.loyaltyCards.spendBonusLot(step.lotId, step.cents, null, now))) throw below();
    }
    await r.loyaltyCards.syncBalance(card.id);
    await r.loyaltyCards.insertTransaction({
      cardId: card.id,
      programId: null,
      recordId: null,
      locationId,
      kind: 'manual',
      amountCents: input.amountCents,
      comment: input.comment,
    });
    return cardAt((await r.loyaltyCards.findCard(chainId, cardId))!, now);
  });
}

export function listCardTransactions(
  deps: Deps,
  chainId: number,
  filter: { cardId?: number; recordId?: number },
): Promise<LoyaltyTransaction[]> {
  return deps.uow((r) => r.loyaltyCards.listTransactions({ chainId, ...filter }));
}
