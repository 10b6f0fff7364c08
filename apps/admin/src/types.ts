/** Wire shapes, straight from the server's contracts (type-only: nothing of them is bundled). */
import type {
  AdminLocation as AdminLocationSchema,
  AdminMe as AdminMeSchema,
  AdminSession as AdminSessionSchema,
  BookTime as BookTimeSchema,
  ClientObject,
  ClientSearchItem,
  OnlineSettingsObject,
  RecordObject,
  ServiceObject,
  ServiceCategoryObject,
  StaffObject,
  StaffScheduleObject,
  MembershipTypeWire,
  CertificateTypeWire,
  CardTypeWire,
  ProgramWire,
  AbonementWire,
  CertificateWire,
  LoyaltyCardWire,
  VisitPaymentWire,
  VisitRefundWire,
  ResourceObject,
} from '@visita/contracts';
import type { Static } from 'typebox';

export type AdminMe = Static<typeof AdminMeSchema>;
export type AdminSession = Static<typeof AdminSessionSchema>;
export type AdminLocation = Static<typeof AdminLocationSchema>;
export type Appointment = Static<typeof RecordObject>;
export type Client = Static<typeof ClientObject>;
export type ClientHit = Static<typeof ClientSearchItem>;
export type TeamMember = Static<typeof StaffObject>;
export type StaffScheduleDay = Static<typeof StaffScheduleObject>;
export type FreeTime = Static<typeof BookTimeSchema>;
export type OnlineSettings = Static<typeof OnlineSettingsObject>;

export type Service = Static<typeof ServiceObject>;
export type MembershipType = Static<typeof MembershipTypeWire>;
export type GiftCardType = Static<typeof CertificateTypeWire>;
export type CardType = Static<typeof CardTypeWire>;
export type Program = Static<typeof ProgramWire>;
export type Membership = Static<typeof AbonementWire>;
export type GiftCard = Static<typeof CertificateWire>;
export type LoyaltyCard = Static<typeof LoyaltyCardWire>;
export type VisitPayment = Static<typeof VisitPaymentWire>;
export type VisitRefund = Static<typeof VisitRefundWire>;
export type Resource = Static<typeof ResourceObject>;
export type ServiceCategory = Static<typeof ServiceCategoryObject>;

/** A group event (`/activity`), with the fields the calendar shows. */
export interface GroupEvent {
  id: number;
  staff_id: number;
  service_id: number;
  date: string;
  length: number;
  capacity: number;
  records_count: number;
  comment: string;
  service: { id: number; title: string };
  staff: { id: number; name: string };
}

export type Attendance = -1 | 0 | 1 | 2;
export type Right =
  | 'location:read'
  | 'location:write'
  | 'catalog:read'
  | 'catalog:write'
  | 'schedule:read'
  | 'schedule:write'
  | 'records:read'
  | 'records:write'
  | 'clients:read'
  | 'clients:write'
  | 'settings:write'
  | 'reports:read';

/** Notification settings of a location (`/api/admin/v1/locations/{id}/notification-settings`). */
export interface NotificationType {
  type: number;
  name: string;
  title: string;
  enabled: boolean;
  template: string;
  timing: number | null;
  timing_unit: string | null;
  timing_range: [number, number] | null;
}
export interface NotificationSettings {
  location_id: number;
  brand_name: string;
  sender: string;
  placeholders: string[];
  types: NotificationType[];
}

export interface BulkPushPreview {
  matching_clients: number;
  recipients_with_app: number;
}
export interface BulkPush extends Partial<BulkPushPreview> {
  id: number;
  text: string;
  recipients_with_app: number;
  queued: number;
  delivered: number;
  undeliverable: number;
  done: boolean;
  created_at: string;
}
