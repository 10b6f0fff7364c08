/** The clients base of a location (the back office's client cards), as the domain sees it. */

/** 0 unknown, 1 male, 2 female (the contract's `sex_id`). */
export type SexId = 0 | 1 | 2;
/** 0 none, 1 bronze, 2 silver, 3 gold (the contract's `importance_id`). */
export type ImportanceId = 0 | 1 | 2 | 3;

export type CustomFieldValue = string | number | boolean | null;

/** A client category ("label") of a location, e.g. "VIP". */
export interface ClientCategory {
  id: number;
  locationId: number;
  title: string;
  color: string;
}

/** What the back office records about a client (everything but the phone and the stats). */
export interface ClientCardFields {
  name: string;
  surname: string;
  patronymic: string;
  email: string;
  sexId: SexId;
  importanceId: ImportanceId;
  /** Percent, 0–100. */
  discount: number;
  card: string;
  /** `YYYY-MM-DD`, or null when unknown. */
  birthDate: string | null;
  comment: string;
  /** Birthday greetings by SMS. */
  smsCheck: boolean;
  /** Excluded from SMS campaigns. */
  smsNot: boolean;
  balance: number;
  customFields: Record<string, CustomFieldValue>;
}

export interface ClientDraft extends ClientCardFields {
  /** E.164. */
  phone: string;
  /** Spent before the client was entered here (imported history); appointments add to it. */
  openingSpent: number;
  categoryIds: number[];
}

export type ClientPatch = Partial<ClientCardFields> & { phone?: string; categoryIds?: number[] };

/** A client card with what their appointments at the location add up to. */
export interface ClientProfile extends ClientCardFields {
  id: number;
  locationId: number;
  /** The location's IANA zone, in which dates are rendered. */
  timeZone: string;
  phone: string;
  hasApp: boolean;
  categories: ClientCategory[];
  /** Past, live, attended-or-waiting appointments (no-shows and deleted ones do not count). */
  visits: number;
  /** `openingSpent` plus the cost of those appointments. */
  spent: number;
  firstVisitAt: Date | null;
  lastVisitAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The same phone at one location of a chain (chain clients are matched by phone). */
export interface ChainClient {
  id: number;
  locationId: number;
  name: string;
  surname: string;
  email: string;
  phone: string;
}
