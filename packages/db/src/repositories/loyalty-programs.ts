import type {
  LoyaltyProgram,
  LoyaltyProgramInput,
  LoyaltyProgramsRepo,
  NotificationTemplate,
  ProgramRule,
} from '@visita/core';
import type { Queryable } from '../db';

interface ProgramRow {
  id: number;
  chain_id: number;
  title: string;
  type: LoyaltyProgram['type'];
  service_item_type: LoyaltyProgram['serviceItemType'];
  good_item_type: LoyaltyProgram['goodItemType'];
  value_unit: LoyaltyProgram['valueUnit'];
  allowed_service_ids: number[];
  allowed_service_category_ids: number[];
  allowed_good_ids: number[];
  allowed_good_category_ids: number[];
  usage_limit: number;
  visit_multiplicity: number;
  sold_items_multiplicity: number;
  expiration_timeout: number;
  expiration_timeout_unit: LoyaltyProgram['expirationTimeoutUnit'];
  expiration_notification_timeout: number;
  params_source_type: LoyaltyProgram['paramsSourceType'];
  history_start_date: string | null;
  location_ids: number[];
  card_type_ids: number[];
  rules: ProgramRule[];
  on_changed: NotificationTemplate | null;
  on_expiration: NotificationTemplate | null;
}

const TEMPLATE = (column: string) => `(SELECT json_build_object('id', n.id, 'type', n.type,
  'body', n.body, 'messageType', n.message_type) FROM loyalty_notification_templates n WHERE n.id = p.${column})`;

const SELECT = `SELECT p.*,
  COALESCE((SELECT json_agg(json_build_object('id', r.id, 'parameter', r.parameter,
     'value', r.value::float8, 'serviceId', r.service_id) ORDER BY r.parameter, r.id)
     FROM loyalty_program_rules r WHERE r.program_id = p.id), '[]'::json) AS rules,
  ${TEMPLATE('on_changed_template_id')} AS on_changed,
  ${TEMPLATE('on_expiration_template_id')} AS on_expiration
  FROM loyalty_programs p`;

const program = (r: ProgramRow): LoyaltyProgram => ({
  id: r.id,
  chainId: r.chain_id,
  title: r.title,
  type: r.type,
  serviceItemType: r.service_item_type,
  goodItemType: r.good_item_type,
  valueUnit: r.value_unit,
  allowedServiceIds: r.allowed_service_ids,
  allowedServiceCategoryIds: r.allowed_service_category_ids,
  allowedGoodIds: r.allowed_good_ids,
  allowedGoodCategoryIds: r.allowed_good_category_ids,
  usageLimit: r.usage_limit,
  visitMultiplicity: r.visit_multiplicity,
  soldItemsMultiplicity: r.sold_items_multiplicity,
  expirationTimeout: r.expiration_timeout,
  expirationTimeoutUnit: r.expiration_timeout_unit,
  expirationNotificationTimeout: r.expiration_notification_timeout,
  paramsSourceType: r.params_source_type,
  historyStartDate: r.history_start_date,
  locationIds: r.location_ids,
  cardTypeIds: r.card_type_ids,
  rules: r.rules,
  onChangedTemplate: r.on_changed,
  onExpirationTemplate: r.on_expiration,
});

export function loyaltyProgramsRepo(q: Queryable): LoyaltyProgramsRepo {
  const findProgram = async (chainId: number, id: number) => {
    const rows = await q.query<ProgramRow>(
      `${SELECT} WHERE p.chain_id = $1 AND p.id = $2 AND p.deleted_at IS NULL`,
      [chainId, id],
    );
    return rows[0] ? program(rows[0]) : null;
  };
  const template = async (
    chainId: number,
    t: { type: string; body: string } | null,
    messageType: string,
  ) => {
    if (!t) return null;
    const rows = await q.query<{ id: number }>(
      `INSERT INTO loyalty_notification_templates(chain_id, type, body, message_type)
       VALUES ($1, $2, $3, $4) RETURNING id`,
      [chainId, t.type, t.body, messageType],
    );
    return rows[0]!.id;
  };
  /** Writes every setting, the templates and the rules of program `id`. */
  const writeProgram = async (chainId: number, id: number, i: LoyaltyProgramInput) => {
    const changed = await template(chainId, i.onChangedTemplate, 'loyalty_discount_changed');
    const expiring = await template(chainId, i.onExpirationTemplate, 'loyalty_discount_expiration');
    await q.query(
      `UPDATE loyalty_programs SET title = $3, type = $4, service_item_type = $5,
         good_item_type = $6, value_unit = $7, allowed_service_ids = $8, allowed_good_ids = $9,
         allowed_good_category_ids = $10, usage_limit = $11, visit_multiplicity = $12,
         sold_items_multiplicity = $13, expiration_timeout = $14, expiration_timeout_unit = $15,
         expiration_notification_timeout = $16, params_source_type = $17,
         history_start_date = $18, location_ids = $19, card_type_ids = $20,
         on_changed_template_id = $21, on_expiration_template_id = $22,
         allowed_service_category_ids = $23
        WHERE chain_id = $1 AND id = $2`,
      [
        chainId,
        id,
        i.title,
        i.type,
        i.serviceItemType,
        i.goodItemType,
        i.valueUnit,
        i.allowedServiceIds,
        i.allowedGoodIds,
        i.allowedGoodCategoryIds,
        i.usageLimit,
        i.visitMultiplicity,
        i.soldItemsMultiplicity,
        i.expirationTimeout,
        i.expirationTimeoutUnit,
        i.expirationNotificationTimeout,
        i.paramsSourceType,
        i.historyStartDate,
        i.locationIds,
        i.cardTypeIds,
        changed,
        expiring,
        i.allowedServiceCategoryIds,
      ],
    );
    for (const rule of i.rules)
      await q.query(
        `INSERT INTO loyalty_program_rules(program_id, parameter, value, service_id)
         VALUES ($1, $2, $3, $4)`,
        [id, rule.parameter, rule.value, rule.serviceId],
      );
    return findProgram(chainId, id);
  };
  return {
    async insertProgram(chainId, i) {
      const rows = await q.query<{ id: number }>(
        `INSERT INTO loyalty_programs(chain_id, title, type, service_item_type, good_item_type,
           value_unit) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [chainId, i.title, i.type, i.serviceItemType, i.goodItemType, i.valueUnit],
      );
      return (await writeProgram(chainId, rows[0]!.id, i))!;
    },
    async updateProgram(chainId, id, i) {
      const rows = await q.query(
        `SELECT id FROM loyalty_programs WHERE chain_id = $1 AND id = $2 AND deleted_at IS NULL
         FOR UPDATE`,
        [chainId, id],
      );
      if (rows.length === 0) return null;
      await q.query('DELETE FROM loyalty_program_rules WHERE program_id = $1', [id]);
      return writeProgram(chainId, id, i);
    },
    async deleteProgram(chainId, id) {
      const rows = await q.query(
        `UPDATE loyalty_programs SET deleted_at = now()
          WHERE chain_id = $1 AND id = $2 AND deleted_at IS NULL RETURNING id`,
        [chainId, id],
      );
      return rows.length > 0;
    },
    async listPrograms(chainId) {
      const rows = await q.query<ProgramRow>(
        `${SELECT} WHERE p.chain_id = $1 AND p.deleted_at IS NULL ORDER BY p.id`,
        [chainId],
      );
      return rows.map(program);
    },
    findProgram,
    async listProgramTitlesWithCardType(chainId, cardTypeId) {
      const rows = await q.query<{ title: string }>(
        `SELECT title FROM loyalty_programs
          WHERE chain_id = $1 AND $2 = ANY(card_type_ids) AND deleted_at IS NULL ORDER BY id`,
        [chainId, cardTypeId],
      );
      return rows.map((r) => r.title);
    },
  };
}
