import { DomainError } from '@visita/core';
import { isPgError, PG } from '../db';

/** A half-open `tstzrange` literal `[start, end)` from epoch milliseconds. */
export const tstzRange = (start: number, end: number): string =>
  `[${new Date(start).toISOString()},${new Date(end).toISOString()})`;

/**
 * Runs a write that takes time holds (staff_occupancy, resource_occupancy) and turns the
 * database's refusal into the domain's "slot taken". Two writers racing for the same time may
 * also meet as a deadlock, or wait on the other's hold past the lock timeout; either way the
 * other one holds the time.
 */
export async function refuseOverlaps<T>(
  work: () => Promise<T>,
  refusal: { message: string; field: string },
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (
      isPgError(error, PG.exclusionViolation) ||
      isPgError(error, PG.deadlockDetected) ||
      isPgError(error, PG.lockNotAvailable)
    )
      throw new DomainError('slot_taken', refusal.message, refusal.field);
    throw error;
  }
}
