import type { Page, Paged } from '../catalog/types';
import type {
  ChainClient,
  ClientCategory,
  ClientDraft,
  ClientPatch,
  ClientProfile,
  ImportanceId,
  SexId,
} from './types';

export interface NumberRange {
  from?: number;
  to?: number;
}

/** One search condition over the clients of a location (parsed and validated by core). */
export type ClientCondition =
  | { kind: 'ids'; ids: number[] }
  /** Case-insensitive substring; `any` = name, surname, patronymic, email or phone digits. */
  | { kind: 'text'; field: 'any' | 'name' | 'phone' | 'email' | 'card'; value: string }
  | { kind: 'hasApp'; value: boolean }
  /** The client's `spent` (opening amount plus past visits). */
  | { kind: 'spent'; range: NumberRange }
  | { kind: 'importance'; values: ImportanceId[] }
  | { kind: 'sex'; values: SexId[] }
  | { kind: 'categories'; ids: number[] }
  /** Birthday between two `MM-DD` days of any year; `from` > `to` wraps over the new year. */
  | { kind: 'birthday'; from: string; to: string }
  /** Card last changed in [from, to] (epoch ms). */
  | { kind: 'changed'; range: NumberRange }
  /**
   * Clients with live appointments matching every given criterion, whose number falls in
   * `count` (default: at least one) and whose cost sum falls in `sold`.
   */
  | {
      kind: 'records';
      staffIds?: number[];
      serviceIds?: number[];
      serviceCategoryIds?: number[];
      attendance?: number[];
      /** Creation / start instants, [from, to). */
      created?: NumberRange;
      start?: NumberRange;
      count: NumberRange;
      sold?: NumberRange;
    }
  /** Every one of these (the contract's `client` filter groups `id` and `birthday`). */
  | { kind: 'all'; conditions: ClientCondition[] };

export const CLIENT_ORDER_FIELDS = [
  'id',
  'name',
  'phone',
  'email',
  'discount',
  'first_visit_date',
  'last_visit_date',
  'sold_amount',
  'visits_count',
] as const;
export type ClientOrderBy = (typeof CLIENT_ORDER_FIELDS)[number];

export interface ClientSearch {
  conditions: ClientCondition[];
  operation: 'AND' | 'OR';
  orderBy: ClientOrderBy;
  direction: 'ASC' | 'DESC';
}

export interface ClientsBaseRepo {
  /**
   * Live clients of the location matching the search. Visit statistics count appointments
   * that started before `asOf`.
   */
  searchClients(
    locationId: number,
    search: ClientSearch,
    page: Page,
    asOf: number,
  ): Promise<Paged<ClientProfile>>;
  findClient(locationId: number, id: number, asOf: number): Promise<ClientProfile | null>;
  /** The new client's id, or null when a live client of the location already has the phone. */
  insertClient(locationId: number, draft: ClientDraft): Promise<number | null>;
  /** `phone_taken`: another live client of the location has the new phone (nothing changed). */
  updateClient(
    locationId: number,
    id: number,
    patch: ClientPatch,
  ): Promise<'updated' | 'not_found' | 'phone_taken'>;
  softDeleteClient(locationId: number, id: number): Promise<boolean>;
  findLiveClientIdByPhone(locationId: number, phone: string): Promise<number | null>;
  /** Live clients with this phone at the chain's live locations, by location. */
  findChainClientsByPhone(chainId: number, phone: string): Promise<ChainClient[]>;
  /** Live categories of the location (only `ids` when given). */
  findCategories(locationId: number, ids?: number[]): Promise<ClientCategory[]>;
  insertCategory(locationId: number, title: string, color: string): Promise<ClientCategory>;
}
