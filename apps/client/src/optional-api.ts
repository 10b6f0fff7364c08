import { app, ApiError } from './api';

/**
 * APIs built in parallel (notifications, loyalty): a 404 (not on this server yet) reads as
 * "absent" (null) instead of an error, so screens hide or show an empty state.
 */
export async function optional<T>(path: string): Promise<T | null> {
  try {
    return await app<T>('GET', path);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 501)) return null;
    throw e;
  }
}
