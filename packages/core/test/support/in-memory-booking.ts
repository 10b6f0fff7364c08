import {
  DEFAULT_BOOKING_SETTINGS,
  DomainError,
  fixedClock,
  phoneCodeDigest,
  type Appointment,
  type AppointmentDraft,
  type BookingRepos,
  type BookingSettings,
  type Client,
  type DomainEvent,
  type Interval,
  type Location,
  type Service,
  type StaffScheduleDay,
  type StoredPhoneCode,
  type TeamMember,
  type TokenCrypto,
  type UnitOfWork,
} from '../../src';

/**
 * In-memory adapters of the booking ports, for use-case tests that run in milliseconds. They
 * keep the ports' promises (a transaction is all or nothing; overlapping holds are refused like
 * the exclusion constraints do), and any port method a use case was not expected to call throws,
 * so a test never passes on a silent stub.
 */
interface State {
  locations: Location[];
  members: TeamMember[];
  services: Service[];
  schedules: StaffScheduleDay[];
  settings: Record<number, BookingSettings>;
  appointments: Appointment[];
  clients: Client[];
  codes: (StoredPhoneCode & { consumedAt: Date | null; voidedAt: Date | null })[];
  idempotency: Record<
    string,
    {
      requestDigest: string;
      createdAt: Date;
      statusCode: number | null;
      response: unknown;
    }
  >;
  outbox: DomainEvent[];
  nextId: number;
}

const strict = <T extends object>(name: string, impl: Partial<NoInfer<T>>): T =>
  new Proxy(impl, {
    get(target, prop) {
      if (prop in target) return target[prop as keyof typeof target];
      if (prop === 'then') return undefined;
      return () => {
        throw new Error(`in-memory ${name}.${String(prop)} is not implemented`);
      };
    },
  }) as T;

const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

function merged(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out.at(-1);
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

/** Deterministic stand-ins (core tests do no I/O, not even node:crypto): distinct per input. */
export const sha256Tokens: TokenCrypto = {
  randomToken: (() => {
    let n = 0;
    return () => `token-${String(++n).padStart(40, '0')}`;
  })(),
  sha256: (v) => `digest(${v})`,
};

export function inMemoryBooking(now = '2026-11-28T10:00:00Z') {
  let state: State = {
    locations: [],
    members: [],
    services: [],
    schedules: [],
    settings: {},
    appointments: [],
    clients: [],
    codes: [],
    idempotency: {},
    outbox: [],
    nextId: 1,
  };
  const clock = fixedClock(now);
  const id = () => state.nextId++;
  const live = () => state.appointments.filter((a) => a.deletedAt === null);

  const refuseOverlap = (draft: AppointmentDraft, except?: number) => {
    const others = live().filter((a) => a.id !== except);
    const staffClash = others.some(
      (a) => a.staffId === draft.staffId && a.activityId === null && overlaps(a, draft),
    );
    const resourceClash = draft.resourceInstances.some((mine) =>
      others.some((a) =>
        a.resourceInstances.some(
          (r) => r.instanceId === mine.instanceId && overlaps(r.interval, mine.interval),
        ),
      ),
    );
    if (staffClash || resourceClash)
      throw new DomainError('slot_taken', 'The team member is already booked at this time', 'date');
  };

  const repos: BookingRepos = {
    locations: strict('locations', {
      findLocation: (lid: number) =>
        Promise.resolve(state.locations.find((l) => l.id === lid) ?? null),
    }),
    bookingSettings: strict('bookingSettings', {
      findBookingSettings: (lid: number) =>
        Promise.resolve(state.settings[lid] ?? DEFAULT_BOOKING_SETTINGS),
    }),
    schedules: strict('schedules', {
      findStaffSchedules: (ids: number[], from: string, to: string) =>
        Promise.resolve(
          state.schedules.filter((d) => ids.includes(d.staffId) && d.date >= from && d.date <= to),
        ),
    }),
    teamMembers: strict('teamMembers', {
      findTeamMembers: (lid: number, filter: { ids?: number[]; onlyBookable?: boolean }) =>
        Promise.resolve(
          state.members.filter(
            (m) =>
              m.locationId === lid &&
              (!filter.ids || filter.ids.includes(m.id)) &&
              (!filter.onlyBookable || m.bookable),
          ),
        ),
    }),
    services: strict('services', {
      findServices: (lid: number, filter: { ids?: number[]; onlineOnly?: boolean }) =>
        Promise.resolve(
          state.services.filter(
            (s) =>
              s.locationId === lid &&
              (!filter.ids || filter.ids.includes(s.id)) &&
              (!filter.onlineOnly || s.onlineBookable),
          ),
        ),
    }),
    occupancy: strict('occupancy', {
      findStaffBusyTimes: (ids: number[], from: number, to: number) =>
        Promise.resolve(
          new Map(
            ids.map((sid) => [
              sid,
              merged(
                live().filter((a) => a.staffId === sid && overlaps(a, { start: from, end: to })),
              ),
            ]),
          ),
        ),
      findResourcePools: (resourceIds: number[]) =>
        Promise.resolve(resourceIds.length ? Promise.reject(new Error('no resources')) : []),
    }),
    appointments: strict('appointments', {
      insertAppointment(draft: AppointmentDraft) {
        refuseOverlap(draft);
        const at = clock.now();
        const appointment = { ...draft, id: id(), createdAt: at, updatedAt: at, deletedAt: null };
        state.appointments.push(appointment);
        return Promise.resolve(appointment);
      },
      findAppointment: (lid: number, aid: number) =>
        Promise.resolve(live().find((a) => a.locationId === lid && a.id === aid) ?? null),
      replaceAppointment(aid: number, draft: AppointmentDraft) {
        refuseOverlap(draft, aid);
        const index = state.appointments.findIndex((a) => a.id === aid);
        const replaced = { ...state.appointments[index]!, ...draft };
        state.appointments[index] = replaced;
        return Promise.resolve(replaced);
      },
    }),
    outbox: strict('outbox', {
      addEvent(event: DomainEvent) {
        state.outbox.push(event);
        return Promise.resolve();
      },
    }),
    idempotency: strict('idempotency', {
      claim(
        scope: string,
        key: string,
        c: { requestDigest: string; now: Date; expiredBefore: Date },
      ) {
        const k = `${scope}|${key}`;
        const row = state.idempotency[k];
        if (!row || row.createdAt < c.expiredBefore || row.statusCode === null) {
          state.idempotency[k] = {
            requestDigest: c.requestDigest,
            createdAt: c.now,
            statusCode: null,
            response: null,
          };
          return Promise.resolve(null);
        }
        return Promise.resolve({
          statusCode: row.statusCode,
          response: row.response,
          requestDigest: row.requestDigest,
        });
      },
      complete(scope: string, key: string, statusCode: number, response: unknown) {
        Object.assign(state.idempotency[`${scope}|${key}`]!, { statusCode, response });
        return Promise.resolve();
      },
      release(scope: string, key: string) {
        const k = `${scope}|${key}`;
        if (state.idempotency[k]?.statusCode === null) delete state.idempotency[k];
        return Promise.resolve();
      },
    }),
    clients: strict('clients', {
      findOrCreateClientByPhone(
        lid: number,
        contact: { phone: string; name?: string; email?: string },
      ) {
        let client = state.clients.find((c) => c.locationId === lid && c.phone === contact.phone);
        if (!client) {
          client = {
            id: id(),
            locationId: lid,
            phone: contact.phone,
            name: contact.name ?? '',
            surname: '',
            email: contact.email ?? '',
          };
          state.clients.push(client);
        }
        return Promise.resolve(client);
      },
    }),
    phoneCodes: strict('phoneCodes', {
      findLiveCodeForUpdate: (phone: string, at: Date) =>
        Promise.resolve(
          state.codes
            .filter((c) => c.phone === phone && !c.consumedAt && !c.voidedAt && c.expiresAt > at)
            .at(-1) ?? null,
        ),
      recordWrongTry(cid: number, voidedAt: Date | null) {
        const code = state.codes.find((c) => c.id === cid)!;
        code.attempts += 1;
        code.voidedAt ??= voidedAt;
        return Promise.resolve();
      },
      spendCode(cid: number, at: Date) {
        state.codes.find((c) => c.id === cid)!.consumedAt = at;
        return Promise.resolve();
      },
    }),
  };

  /** All of `fn` or none of it: the state is restored when it throws. */
  const uow: UnitOfWork<BookingRepos> = async (fn) => {
    const before = structuredClone(state);
    try {
      return await fn(repos);
    } catch (error) {
      state = before;
      throw error;
    }
  };

  return {
    deps: { uow, clock, tokens: sha256Tokens },
    clock,
    get state() {
      return state;
    },
    addLocation(input: Partial<Location> = {}): Location {
      const location: Location = {
        id: id(),
        chainId: 1,
        chainTitle: 'Chain',
        title: 'Salon',
        shortDescr: '',
        description: '',
        country: '',
        city: '',
        address: '',
        zip: '',
        coordinateLat: null,
        coordinateLon: null,
        timezone: 'Europe/Berlin',
        phone: '',
        phones: [],
        email: '',
        site: '',
        social: {},
        schedule: '',
        logo: '',
        currency: 'EUR',
        active: true,
        phoneConfirmation: false,
        promo: null,
        updatedAt: new Date(now),
        ...input,
      };
      state.locations.push(location);
      state.settings[location.id] = { ...DEFAULT_BOOKING_SETTINGS, minNoticeMinutes: 0 };
      return location;
    },
    setSettings(locationId: number, patch: Partial<BookingSettings>) {
      state.settings[locationId] = { ...state.settings[locationId]!, ...patch };
    },
    addMember(locationId: number, workDays: Record<string, { from: string; to: string }[]>) {
      const member: TeamMember = {
        id: id(),
        locationId,
        userId: null,
        name: 'Anna',
        specialization: '',
        information: '',
        avatar: '',
        positionId: null,
        position: null,
        rating: 0,
        votesCount: 0,
        weight: 0,
        bookable: true,
        hidden: false,
        fired: false,
        apiId: null,
      };
      state.members.push(member);
      for (const [date, slots] of Object.entries(workDays))
        state.schedules.push({ staffId: member.id, date, slots });
      return member;
    },
    addService(
      locationId: number,
      input: { minutes: number; price: number; discount?: number; staffIds: number[] },
    ) {
      const service: Service = {
        id: id(),
        locationId,
        categoryId: null,
        title: 'Cut',
        comment: '',
        priceMin: input.price,
        priceMax: input.price,
        discount: input.discount ?? 0,
        durationSeconds: input.minutes * 60,
        onlineBookable: true,
        weight: 0,
        apiId: null,
        staff: input.staffIds.map((staffId) => ({ staffId, durationSeconds: null, price: null })),
        resourceIds: [],
      };
      state.services.push(service);
      return service;
    },
    addCode(phone: string, code: string, locationId: number | null) {
      state.codes.push({
        id: id(),
        phone,
        codeHash: phoneCodeDigest(sha256Tokens, phone, code),
        attempts: 0,
        expiresAt: new Date(Date.parse(now) + 5 * 60_000),
        locationId,
        consumedAt: null,
        voidedAt: null,
      });
    },
  };
}
