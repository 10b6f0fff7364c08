import type { FastifyInstance } from 'fastify';

/**
 * Altegio's canonical parameter names next to the legacy ones; our schemas use the legacy
 * spelling, so canonical names are copied over before validation (the legacy one wins).
 */
const ALIASES: Record<string, string> = {
  location_id: 'company_id',
  salon_id: 'company_id',
  team_member_id: 'staff_id',
  master_id: 'staff_id',
  appointment_id: 'record_id',
  chain_id: 'group_id',
  company_group_id: 'group_id',
  salon_group_id: 'group_id',
  product_id: 'good_id',
  team_member_ids: 'staff_ids',
};

export function normalizeAliases(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) normalizeAliases(item);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  for (const [alias, legacy] of Object.entries(ALIASES)) {
    if (alias in record) {
      if (!(legacy in record)) record[legacy] = record[alias];
      delete record[alias];
    }
  }
  for (const child of Object.values(record))
    if (child && typeof child === 'object') normalizeAliases(child);
}

export function registerParameterAliases(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    normalizeAliases(request.query);
    normalizeAliases(request.body);
  });
}
