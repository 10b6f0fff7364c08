import { invalid, notFound } from '../errors/domain-error';
import type { LoyaltyUow } from './ports';
import type { CertificateType, CertificateTypeInput } from './types';
import { checkChainIds, requireTitle, typeIssued } from './validate-scope';

type Deps = { uow: LoyaltyUow };

/** The cross-field rules of the contract's certificate type body. */
async function validated(deps: Deps, chainId: number, input: CertificateTypeInput) {
  const clean: CertificateTypeInput = { ...input, title: requireTitle(input.title) };
  if (clean.balanceCents <= 0) throw invalid('balance', 'balance must be positive');
  const e = clean.expiration;
  if (e.typeId === 1 && e.date === null)
    throw invalid('expiration.date', 'expiration.date is required when expiration.type_id is 1');
  if (e.typeId === 2 && (!e.timeout || !e.timeoutUnitId))
    throw invalid(
      'expiration.timeout',
      'expiration.timeout and expiration.timeout_unit_id are required when expiration.type_id is 2',
    );
  clean.expiration = {
    typeId: e.typeId,
    date: e.typeId === 1 ? e.date : null,
    timeout: e.typeId === 2 ? e.timeout : null,
    timeoutUnitId: e.typeId === 2 ? e.timeoutUnitId : null,
  };
  if (clean.itemTypeId === 3 && clean.serviceIds.length === 0)
    throw invalid('service_ids', 'service_ids must list the services when item_type_id is 3');
  if (clean.itemTypeId === 4 && clean.categoryId === null)
    throw invalid('category_id', 'category_id is required when item_type_id is 4');
  if (clean.itemTypeId !== 3) clean.serviceIds = [];
  if (clean.itemTypeId !== 4) clean.categoryId = null;
  await deps.uow((r) =>
    checkChainIds(
      r.chainScope,
      chainId,
      {
        locationIds: clean.locationIds,
        serviceIds: clean.serviceIds,
        categoryIds: clean.categoryId === null ? [] : [clean.categoryId],
      },
      { locationIds: 'salon_ids', serviceIds: 'service_ids', categoryIds: 'category_id' },
    ),
  );
  return clean;
}

export function listCertificateTypes(deps: Deps, chainId: number): Promise<CertificateType[]> {
  return deps.uow((r) => r.loyaltyTypes.listCertificateTypes(chainId));
}

export async function getCertificateType(
  deps: Deps,
  chainId: number,
  id: number,
): Promise<CertificateType> {
  const type = await deps.uow((r) => r.loyaltyTypes.findCertificateType(chainId, id));
  if (!type) throw notFound('Certificate type');
  return type;
}

export async function createCertificateType(
  deps: Deps,
  chainId: number,
  input: CertificateTypeInput,
): Promise<CertificateType> {
  const clean = await validated(deps, chainId, input);
  return deps.uow((r) => r.loyaltyTypes.insertCertificateType(chainId, clean));
}

/** The contract: a type certificates were issued of cannot be changed (409, nothing written). */
export async function updateCertificateType(
  deps: Deps,
  chainId: number,
  id: number,
  input: CertificateTypeInput,
): Promise<CertificateType> {
  const clean = await validated(deps, chainId, input);
  const type = await deps.uow((r) => r.loyaltyTypes.updateCertificateType(chainId, id, clean));
  if (type === 'issued') throw typeIssued('certificate');
  if (!type) throw notFound('Certificate type');
  return type;
}

export async function deleteCertificateType(
  deps: Deps,
  chainId: number,
  id: number,
): Promise<void> {
  const done = await deps.uow((r) => r.loyaltyTypes.deleteCertificateType(chainId, id));
  if (done === 'issued') throw typeIssued('certificate');
  if (!done) throw notFound('Certificate type');
}
