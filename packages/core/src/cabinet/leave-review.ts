import type { UnitOfWork } from '../catalog/ports';
import { DomainError, invalid } from '../errors/domain-error';
import type { AppUser } from '../identity/types';
import type { Clock } from '../ports';
import { loadClientAppointment, type CabinetRepos } from './client-appointment';
import type { Review, ReviewsRepo, ReviewTarget } from './ports';

type Deps = { uow: UnitOfWork<CabinetRepos & { reviews: ReviewsRepo }>; clock: Clock };

export const REVIEW_TEXT_MAX = 2000;

export interface ReviewInput {
  recordId: number;
  target: ReviewTarget;
  rating: number;
  text: string;
}

/**
 * After a past, not canceled appointment the client rates the team member or reviews the
 * location, once per appointment and target (409 on a repeat). A team member's review moves
 * their average rating and vote count in the same transaction.
 */
export function leaveReview(
  deps: Deps,
  user: AppUser,
  input: ReviewInput,
): Promise<{ review: Review; timeZone: string }> {
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5)
    throw invalid('rating', 'rating must be a whole number from 1 to 5');
  const text = input.text.trim();
  if (text.length > REVIEW_TEXT_MAX)
    throw invalid('text', `text must be at most ${REVIEW_TEXT_MAX} characters`);
  const now = deps.clock.now().getTime();
  return deps.uow(async (repos) => {
    const found = await loadClientAppointment(repos, user, input.recordId, now);
    const right = found.review[input.target];
    if (right.reason === 'already_reviewed')
      throw new DomainError('conflict', `This appointment already has a ${input.target} review`);
    if (!right.allowed)
      throw new DomainError('not_allowed', right.message ?? 'Cannot review', 'target', {
        action: 'review',
        reason: right.reason,
      });
    const review = await repos.reviews.insertReview({
      recordId: found.appointment.id,
      locationId: found.appointment.locationId,
      staffId: input.target === 'staff' ? found.appointment.staffId : null,
      appUserId: user.id,
      target: input.target,
      rating: input.rating,
      text,
    });
    // A concurrent request may have won the unique key after the check above.
    if (!review)
      throw new DomainError('conflict', `This appointment already has a ${input.target} review`);
    if (input.target === 'staff')
      await repos.reviews.addStaffVote(found.appointment.staffId, input.rating);
    return { review, timeZone: found.location.timezone };
  });
}
