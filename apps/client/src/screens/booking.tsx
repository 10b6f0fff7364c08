import { useEffect, useRef, useState } from 'react';
import { booking, serviceQuery } from '../api';
import { useApp } from '../context';
import { formatMoney, formatWhen } from '../format';
import type {
  Appointment,
  BookableService,
  BookableStaff,
  BookableTime,
  BookDates,
  Location,
} from '../types';
import { Load, Screen } from '../ui';
import { useLoad } from '../use-load';
import { DateStep, ServicesStep, StaffStep, TimeStep } from './booking-steps';
import { Finish } from './booking-finish';
import { PromoBlock } from './promo';

type Step = 'services' | 'staff' | 'date' | 'time' | 'contact' | 'done';
const STEPS: Step[] = ['services', 'staff', 'date', 'time', 'contact'];

/** Today's date where the location is (booking dates are the location's calendar dates). */
const todayIn = (timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

const ids = (value: string | null) =>
  (value ?? '')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);

/**
 * The online booking form, the same in the app and on the public page `/book/<location>`:
 * services → team member (or anyone) → date → time → contacts (+ SMS code) → done.
 * With `reschedule`, services and member are the appointment's and only date and time change.
 */
export function BookingScreen(props: {
  locationId: number;
  query: URLSearchParams;
  reschedule?: Appointment;
}) {
  const { t, profile, prefs } = useApp();
  const id = props.locationId;
  const moving = props.reschedule;
  const presetServices = moving
    ? moving.services.map((s) => s.id)
    : ids(props.query.get('services'));
  const presetStaff = moving
    ? moving.staff.id
    : props.query.has('staff')
      ? Number(props.query.get('staff'))
      : null;
  const again = props.query.get('again') === '1';

  const place = useLoad(() => booking<Location>('GET', `/company/${id}`), `loc${id}`);
  const catalog = useLoad(
    () => booking<{ services: BookableService[] }>('GET', `/book_services/${id}`),
    `svc${id}`,
  );
  const [serviceIds, setServiceIds] = useState<number[]>(presetServices);
  const [staffId, setStaffId] = useState<number | null>(presetStaff);
  const [step, setStep] = useState<Step>(
    presetServices.length ? (presetStaff !== null || moving ? 'date' : 'staff') : 'services',
  );
  const [month, setMonth] = useState<string | null>(null);
  const [date, setDate] = useState<string | null>(null);
  const [slot, setSlot] = useState<BookableTime | null>(null);
  const today = place.data ? todayIn(place.data.timezone_name) : null;
  useEffect(() => {
    if (today && !month) setMonth(`${today.slice(0, 7)}-01`);
  }, [today, month]);

  const staff = useLoad(
    () =>
      serviceIds.length && step === 'staff'
        ? booking<BookableStaff[]>('GET', `/book_staff/${id}?${serviceQuery(serviceIds)}`)
        : Promise.resolve([] as BookableStaff[]),
    `staff${serviceIds.join()}${step === 'staff'}`,
  );
  const dates = useLoad(
    () =>
      month && staffId !== null && step === 'date'
        ? booking<BookDates>(
            'GET',
            `/book_dates/${id}?${serviceQuery(serviceIds)}&staff_id=${staffId}&date=${month}`,
          )
        : Promise.resolve(null),
    `dates${month}${staffId}${serviceIds.join()}${step === 'date'}`,
  );
  const times = useLoad(
    () =>
      date && staffId !== null
        ? booking<BookableTime[]>(
            'GET',
            `/book_times/${id}/${staffId}/${date}?${serviceQuery(serviceIds)}`,
          )
        : Promise.resolve([] as BookableTime[]),
    `times${date}${staffId}${serviceIds.join()}`,
  );

  const services = catalog.data?.services ?? [];
  const chosen = services.filter((s) => serviceIds.includes(s.id));
  const staffGone = again && presetStaff === null;
  const title = moving
    ? t('reschedule.title')
    : place.data
      ? t('book.title', { name: place.data.title })
      : t('book.title_generic');
  const steps = moving ? (['date', 'time', 'contact'] as Step[]) : STEPS;
  const stepLabel: Record<Step, string> = {
    services: t('book.step_services'),
    staff: t('book.step_staff'),
    date: t('book.step_date'),
    time: t('book.step_time'),
    contact: moving ? t('book.summary') : t('book.step_contact'),
    done: '',
  };
  const reachable = (s: Step) => steps.indexOf(s) <= steps.indexOf(step);
  // Keyboard and screen-reader users land on the new step's heading when the step changes
  // (not on the first render: the page title is where a visit starts).
  const stepHead = useRef<HTMLHeadingElement>(null);
  const firstStep = useRef(step);
  useEffect(() => {
    if (step !== firstStep.current) stepHead.current?.focus();
  }, [step]);

  return (
    <Screen title={title} back={moving ? true : profile ? true : undefined}>
      <Load state={place}>
        {(location) => (
          <>
            {step !== 'done' ? (
              <nav aria-label={t('book.steps')}>
                <ol className="steps">
                  {steps.map((s, i) => (
                    <li key={s} aria-current={s === step ? 'step' : undefined}>
                      <button
                        type="button"
                        disabled={!reachable(s) || s === step}
                        onClick={() => setStep(s)}
                      >
                        <span className="step-n" aria-hidden="true">
                          {i + 1}
                        </span>
                        {stepLabel[s]}
                      </button>
                    </li>
                  ))}
                </ol>
              </nav>
            ) : null}
            {step !== 'done' && !(step === 'contact' && moving) ? (
              <h2 className="step-head" tabIndex={-1} ref={stepHead}>
                {stepLabel[step]}
              </h2>
            ) : null}
            {again && step === 'date' && !staffGone ? (
              <p className="hint">{t('book.again_hint')}</p>
            ) : null}
            {staffGone && step === 'staff' ? <p className="hint">{t('book.staff_gone')}</p> : null}
            {step === 'services' && !moving ? (
              <PromoBlock promo={location.booking_widget_promo} from={location.title} />
            ) : null}
            {step === 'services' ? (
              <Load state={catalog}>
                {() => (
                  <>
                    <ServicesStep
                      services={services}
                      chosen={serviceIds}
                      currency={location.currency_short_title}
                      onChange={setServiceIds}
                    />
                    <StickyNext disabled={serviceIds.length === 0} onClick={() => setStep('staff')}>
                      {chosen.length
                        ? formatMoney(
                            chosen.reduce((sum, s) => sum + s.price_min, 0),
                            location.currency_short_title,
                            prefs.locale,
                          )
                        : null}
                    </StickyNext>
                  </>
                )}
              </Load>
            ) : null}
            {step === 'staff' ? (
              <Load state={staff}>
                {(members) => (
                  <StaffStep
                    staff={members}
                    chosen={staffId}
                    onChoose={(member) => {
                      setStaffId(member);
                      setDate(null);
                      setSlot(null);
                      setStep('date');
                    }}
                  />
                )}
              </Load>
            ) : null}
            {step === 'date' && month && today ? (
              <DateStep
                month={month}
                today={today}
                bookable={dates.data?.booking_dates}
                chosen={date}
                onMonth={setMonth}
                onChoose={(d) => {
                  setDate(d);
                  setSlot(null);
                  setStep('time');
                }}
              />
            ) : null}
            {step === 'time' ? (
              <Load state={times}>
                {(list) => (
                  <TimeStep
                    times={list}
                    chosen={slot?.datetime ?? null}
                    onChoose={(s) => {
                      setSlot(s);
                      setStep('contact');
                    }}
                  />
                )}
              </Load>
            ) : null}
            {(step === 'contact' || step === 'done') && slot && date ? (
              <Finish
                location={location}
                services={moving ? moving.services.map((s) => s.title) : chosen.map((s) => s.title)}
                staffId={staffId ?? 0}
                serviceIds={serviceIds}
                when={formatWhen(date, slot.time, prefs)}
                slot={slot}
                reschedule={moving}
                done={step === 'done'}
                onDone={() => setStep('done')}
              />
            ) : null}
          </>
        )}
      </Load>
    </Screen>
  );
}

function StickyNext(props: { disabled: boolean; onClick: () => void; children?: React.ReactNode }) {
  const { t } = useApp();
  return (
    <div className="sticky-next">
      <span>{props.children}</span>
      <button
        type="button"
        className="button primary"
        disabled={props.disabled}
        onClick={props.onClick}
      >
        {t('book.next')}
      </button>
    </div>
  );
}
