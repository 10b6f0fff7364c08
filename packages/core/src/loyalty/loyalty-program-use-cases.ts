import { invalid, notFound } from '../errors/domain-error';
import { unknownPlaceholders } from '../notifications/render';
import type { LoyaltyRepos, LoyaltyUow } from './ports';
import type { LoyaltyCardType, LoyaltyProgram, LoyaltyProgramInput } from './types';
import { checkChainIds, requireTitle } from './validate-scope';

type Deps = { uow: LoyaltyUow };

/** The seed's rules for a promotion body (shared by create and edit); the cleaned input. */
export function cleanProgramInput(input: LoyaltyProgramInput): LoyaltyProgramInput {
  const clean = { ...input, title: requireTitle(input.title) };
  if (clean.rules.length === 0) throw invalid('rules', 'rules must have at least one rule');
  if (clean.type.includes('_static')) {
    if (clean.rules.length !== 1) throw invalid('rules', 'a fixed promotion has exactly one rule');
    clean.rules = [{ ...clean.rules[0]!, parameter: 0 }];
  }
  if (clean.valueUnit === 'percent' && clean.rules.some((r) => r.value > 100))
    throw invalid('rules', 'a percent value must be at most 100');
  const thresholds = clean.rules.map((r) => r.parameter);
  if (new Set(thresholds).size !== thresholds.length)
    throw invalid('rules', 'rule thresholds (parameter) must be distinct');
  if (
    clean.serviceItemType === 'custom_allowed' &&
    clean.allowedServiceIds.length + clean.allowedServiceCategoryIds.length === 0
  )
    throw invalid(
      'allowed_service_ids',
      'allowed_service_ids (or allowed_service_category_ids) is required for custom_allowed',
    );
  if (clean.serviceItemType !== 'custom_allowed') {
    clean.allowedServiceIds = [];
    clean.allowedServiceCategoryIds = [];
  }
  if (clean.expirationTimeout > 0 && !clean.expirationTimeoutUnit)
    throw invalid(
      'expiration_timeout_unit',
      'expiration_timeout_unit is required with expiration_timeout',
    );
  checkTemplate(clean.onChangedTemplate, 'on_changed_notification_template.body');
  checkTemplate(clean.onExpirationTemplate, 'on_expiration_notification_template.body');
  return clean;
}

/** A `custom` template is the program's own message: only the notification placeholders. */
function checkTemplate(template: { type: string; body: string } | null, field: string) {
  if (template?.type !== 'custom') return;
  const unknown = unknownPlaceholders(template.body);
  if (unknown.length) throw invalid(field, `unknown placeholder {${unknown[0]}}`);
}

/**
 * Altegio's `allowed_service_ids` holds "service and service category identifiers" in one list
 * (its ids never collide). Ours are numbered apart, so each listed id is read as the chain's
 * service of that number, else as its category: an integration that lists a category there
 * keeps working. `allowed_service_category_ids` names categories explicitly (a number that is
 * both a service and a category of the chain is the service unless listed there).
 */
async function splitAllowedItems(
  r: LoyaltyRepos,
  chainId: number,
  clean: LoyaltyProgramInput,
): Promise<LoyaltyProgramInput> {
  const ids = [...new Set(clean.allowedServiceIds)];
  if (ids.length === 0) return clean;
  const services = new Set(await r.chainScope.findChainServiceIds(chainId, ids));
  const rest = ids.filter((id) => !services.has(id));
  const categories = new Set(
    rest.length ? await r.chainScope.findChainCategoryIds(chainId, rest) : [],
  );
  const missing = rest.filter((id) => !categories.has(id));
  if (missing.length)
    throw invalid(
      'allowed_service_ids',
      `Services or service categories ${missing.join(', ')} are not in this chain`,
    );
  return {
    ...clean,
    allowedServiceIds: ids.filter((id) => services.has(id)),
    allowedServiceCategoryIds: [...new Set([...clean.allowedServiceCategoryIds, ...categories])],
  };
}

/** The program's locations, services, categories and card types belong to the chain. */
export async function checkProgramScope(
  r: LoyaltyRepos,
  chainId: number,
  input: LoyaltyProgramInput,
): Promise<LoyaltyProgramInput> {
  const clean = await splitAllowedItems(r, chainId, input);
  await checkChainIds(
    r.chainScope,
    chainId,
    { locationIds: clean.locationIds, categoryIds: clean.allowedServiceCategoryIds },
    { locationIds: 'company_ids', categoryIds: 'allowed_service_category_ids' },
  );
  // FOR SHARE: a card type cannot be deleted while a program naming it is being saved.
  const types = new Set(await r.loyaltyTypes.lockCardTypesForUse(chainId, clean.cardTypeIds));
  const foreign = clean.cardTypeIds.filter((id) => !types.has(id));
  if (foreign.length)
    throw invalid(
      'loyalty_card_type_ids',
      `Card types ${foreign.join(', ')} are not in this chain`,
    );
  return clean;
}

/** Creates a chain promotion as the seed's `POST /chain/{chain_id}/loyalty/programs` defines it. */
export async function createLoyaltyProgram(
  deps: Deps,
  chainId: number,
  input: LoyaltyProgramInput,
): Promise<LoyaltyProgram> {
  const clean = cleanProgramInput(input);
  return deps.uow(async (r) => {
    return r.loyaltyPrograms.insertProgram(chainId, await checkProgramScope(r, chainId, clean));
  });
}

export function listLoyaltyPrograms(deps: Deps, chainId: number): Promise<LoyaltyProgram[]> {
  return deps.uow((r) => r.loyaltyPrograms.listPrograms(chainId));
}

export async function getLoyaltyProgram(
  deps: Deps,
  chainId: number,
  id: number,
): Promise<LoyaltyProgram> {
  const p = await deps.uow((r) => r.loyaltyPrograms.findProgram(chainId, id));
  if (!p) throw notFound('Loyalty program');
  return p;
}

export function listCardTypes(deps: Deps, chainId: number): Promise<LoyaltyCardType[]> {
  return deps.uow((r) => r.loyaltyTypes.listCardTypes(chainId));
}

export async function createCardType(
  deps: Deps,
  chainId: number,
  input: { title: string; locationIds: number[] },
): Promise<LoyaltyCardType> {
  const title = requireTitle(input.title);
  return deps.uow(async (r) => {
    await checkChainIds(
      r.chainScope,
      chainId,
      { locationIds: input.locationIds },
      { locationIds: 'salon_ids' },
    );
    return r.loyaltyTypes.insertCardType(chainId, title, input.locationIds);
  });
}
