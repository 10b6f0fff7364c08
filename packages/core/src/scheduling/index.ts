export type { Interval } from './interval';
export { subtractInterval } from './interval';
export type { LocalSlot } from './local-time';
export { localDayBounds, localSlotsToIntervals } from './local-time';
export type { FreeSlot, ResourcePool, ServiceStep, SlotQuery, StaffDay } from './slot-query';
export { findFreeSlots, hasFreeSlot } from './free-slots';
export { planResources } from './resources';
export type { StepResourcePlan } from './resources';
export { isSlotBookable } from './single-slot-check';
