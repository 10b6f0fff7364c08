import type { Db, Queryable } from './db';
import { appUsersRepo } from './repositories/app-users';
import { appAccountsRepo } from './repositories/app-accounts';
import { appConsentsRepo } from './repositories/app-consents';
import { termsVersionsRepo } from './repositories/terms-versions';
import { phoneCodesRepo } from './repositories/phone-codes';
import { smsMessagesRepo } from './repositories/sms-messages';
import { appProfilesRepo } from './repositories/app-profiles';
import { clientAppointmentsRepo } from './repositories/client-appointments';
import { clientPlacesRepo } from './repositories/client-places';
import { reviewsRepo } from './repositories/reviews';
import { appointmentsRepo } from './repositories/appointments';
import { activitiesRepo } from './repositories/activities';
import { appointmentQueriesRepo } from './repositories/appointment-queries';
import { clientsRepo } from './repositories/clients';
import { clientsBaseRepo } from './repositories/clients-base';
import { visitsRepo } from './repositories/visits';
import { bookingSettingsRepo } from './repositories/booking-settings';
import { idempotencyRepo } from './repositories/idempotency';
import { locationsRepo } from './repositories/locations';
import { occupancyRepo } from './repositories/occupancy';
import { outboxRepo } from './repositories/outbox';
import { positionsRepo } from './repositories/positions';
import { resourcesRepo } from './repositories/resources';
import { schedulesRepo } from './repositories/schedules';
import { servicesRepo } from './repositories/services';
import { teamMembersRepo } from './repositories/team-members';
import { loyaltyScopeRepo } from './repositories/loyalty-scope';
import { loyaltyTypesRepo } from './repositories/loyalty-types';
import { loyaltyProgramsRepo } from './repositories/loyalty-programs';
import { membershipsRepo } from './repositories/memberships';
import { certificatesRepo } from './repositories/certificates';
import { loyaltyCardsRepo } from './repositories/loyalty-cards';
import { visitPaymentsRepo } from './repositories/visit-payments';
import { paymentsRepo } from './repositories/payments';
import { notificationSettingsRepo } from './repositories/notification-settings';
import { inboxRepo, mutesRepo } from './repositories/inbox';
import { pushSubscriptionsRepo } from './repositories/push-subscriptions';
import { bulkPushesRepo } from './repositories/bulk-pushes';
import { jobsRepo } from './repositories/jobs';
import { reportsRepo } from './repositories/reports';
import { calendarMarkerRepo } from './repositories/calendar-marker';
import { accessRepo, userLoginsRepo } from './repositories/access';

/** Every repository, bound to one connection or transaction. */
export function createRepos(q: Queryable) {
  return {
    locations: locationsRepo(q),
    appUsers: appUsersRepo(q),
    appAccounts: appAccountsRepo(q),
    appConsents: appConsentsRepo(q),
    termsVersions: termsVersionsRepo(q),
    phoneCodes: phoneCodesRepo(q),
    smsMessages: smsMessagesRepo(q),
    appProfiles: appProfilesRepo(q),
    clientAppointments: clientAppointmentsRepo(q),
    clientPlaces: clientPlacesRepo(q),
    reviews: reviewsRepo(q),
    schedules: schedulesRepo(q),
    bookingSettings: bookingSettingsRepo(q),
    occupancy: occupancyRepo(q),
    appointments: appointmentsRepo(q),
    appointmentQueries: appointmentQueriesRepo(q),
    clients: clientsRepo(q),
    clientsBase: clientsBaseRepo(q),
    visits: visitsRepo(q),
    activities: activitiesRepo(q),
    outbox: outboxRepo(q),
    idempotency: idempotencyRepo(q),
    positions: positionsRepo(q),
    teamMembers: teamMembersRepo(q),
    services: servicesRepo(q),
    resources: resourcesRepo(q),
    chainScope: loyaltyScopeRepo(q),
    loyaltyTypes: loyaltyTypesRepo(q),
    loyaltyPrograms: loyaltyProgramsRepo(q),
    memberships: membershipsRepo(q),
    certificates: certificatesRepo(q),
    loyaltyCards: loyaltyCardsRepo(q),
    visitPayments: visitPaymentsRepo(q),
    payments: paymentsRepo(q),
    notificationSettings: notificationSettingsRepo(q),
    inbox: inboxRepo(q),
    mutes: mutesRepo(q),
    pushSubscriptions: pushSubscriptionsRepo(q),
    bulkPushes: bulkPushesRepo(q),
    jobs: jobsRepo(q),
    reports: reportsRepo(q),
    calendarMarker: calendarMarkerRepo(q),
    access: accessRepo(q),
    userLogins: userLoginsRepo(q),
  };
}

export type Repos = ReturnType<typeof createRepos>;

/** The unit of work the use cases take: one transaction, repositories bound to it. */
export function unitOfWork(db: Db) {
  return <T>(fn: (repos: Repos) => Promise<T>): Promise<T> =>
    db.transaction((tx) => fn(createRepos(tx)));
}

/** Repositories on the pool, without a transaction: for reads that only need committed data. */
export function readRepos(db: Db) {
  return <T>(fn: (repos: Repos) => Promise<T>): Promise<T> => fn(createRepos(db));
}
