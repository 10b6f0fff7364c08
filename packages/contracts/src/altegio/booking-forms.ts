import Type from 'typebox';
import { Envelope, EmptyMeta, Nullable } from '../envelope';

const Str = (description: string) => Type.String({ description });
const Int = (description: string) => Type.Integer({ description });
const Bool = (description: string) => Type.Boolean({ description });

/**
 * A booking form (widget). Visita has one per location: its online booking, with the default
 * step order (service, team member, time) and no styling of its own.
 */
export const BookingFormObject = Type.Object({
  id: Int('the location id: one form per location'),
  title: Str("the location's title"),
  is_default: Bool('always true'),
  description: Str('always ""'),
  group_id: Int("the location's chain"),
  is_chain: Bool('always false'),
  without_menu: Bool('always false'),
  sequence_type: Str('always ""'),
  service_step_num: Int('1: services first'),
  service_step_title: Str('always ""'),
  service_step_default: Int('always 0: nothing preselected'),
  service_step_hide: Bool('always false'),
  service_step_category_view_type: Str('always ""'),
  master_step_num: Int('2: team member second'),
  master_step_title: Str('always ""'),
  master_step_default: Int('always 0'),
  master_step_hide: Bool('always false'),
  datetime_step_num: Int('3: time last'),
  datetime_step_title: Str('always ""'),
  show_button: Bool('always false'),
  button_position: Str('always ""'),
  form_position: Str('always ""'),
  button_color: Str('always ""'),
  button_animation: Bool('always false'),
  html_code: Str('always ""'),
  html_code_v2: Str('always ""'),
  ab_test_enabled: Bool('always false'),
  activity_record_count: Int('always 0'),
  is_multiple_activity_record: Bool('always false'),
  display_activity_type: Str('always ""'),
  is_weekly_view_enabled: Bool('always false'),
  show_weekly_view_without_online_booking: Bool('always false'),
  weekly_view_default_salon_id: Nullable(Int('always null')),
  default_language_id: Int('always 0'),
  map_type: Int('always 0'),
  online_sales_group_id: Int('always 0'),
  personal_subdomain_url: Nullable(Str('always null')),
  record_type_id: Nullable(Int('always null')),
  salon_select_type_code: Str('always ""'),
  specialization_display_mode: Int('always 0'),
  facebook_pixel_id: Str('always ""'),
  vk_pixel_id: Str('always ""'),
  header_images: Nullable(Type.Object({}, { description: 'always null' })),
});
export const BookingFormListEnvelope = Envelope(Type.Array(BookingFormObject), EmptyMeta);
