import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import type { Appointment } from '../../types';
import { splitLocal } from '../../time';

/** Where a dragged appointment would land: a lane (team member and day) and a start minute. */
export interface DropTarget {
  id: number;
  staffId: number;
  date: string;
  minutes: number;
}

const THRESHOLD_PX = 4;

/**
 * Dragging appointments between lanes with pointer events. The appointment follows the pointer,
 * snapped to the location's slot step; on release `onDrop` is asked, and the appointment stays at
 * the new place while it runs. When it fails (slot taken, ...) the appointment snaps back.
 * A press without movement stays a click (the dialog, whose Move form is the keyboard way).
 */
export function useAppointmentDrag(opts: {
  gridStart: number;
  stepMinutes: number;
  pxPerMin: number;
  onDrop: (a: Appointment, target: DropTarget) => Promise<boolean>;
}) {
  const [target, setTarget] = useState<DropTarget | null>(null);
  const [saving, setSaving] = useState(false);
  const justDragged = useRef(false);
  const cleanup = useRef<(() => void) | null>(null);
  const latest = useRef(opts);
  latest.current = opts;
  useEffect(() => () => cleanup.current?.(), []);
  const settle = useCallback(() => setTarget(null), []);

  function begin(a: Appointment, event: ReactPointerEvent<HTMLElement>) {
    if (event.button !== 0 || saving) return;
    const x0 = event.clientX;
    const y0 = event.clientY;
    const grab = y0 - event.currentTarget.getBoundingClientRect().top;
    const { date, minutes: from } = splitLocal(a.date);
    const length = Math.round(a.seance_length / 60);
    let active = false;
    let current: DropTarget | null = null;

    const move = (e: PointerEvent) => {
      if (!active && Math.hypot(e.clientX - x0, e.clientY - y0) < THRESHOLD_PX) return;
      active = true;
      e.preventDefault();
      const lane = document
        .elementsFromPoint(e.clientX, e.clientY)
        .map((el) => el.closest<HTMLElement>('section.lane[data-staff]'))
        .find((el) => el !== null);
      if (!lane) return;
      const { gridStart, stepMinutes, pxPerMin } = latest.current;
      const raw = gridStart + (e.clientY - lane.getBoundingClientRect().top - grab) / pxPerMin;
      const snapped = Math.round(raw / stepMinutes) * stepMinutes;
      const minutes = Math.max(0, Math.min(24 * 60 - length, snapped));
      current = {
        id: a.id,
        staffId: Number(lane.dataset.staff),
        date: lane.dataset.date ?? date,
        minutes,
      };
      setTarget(current);
    };
    const up = () => {
      stop();
      if (!active) return;
      justDragged.current = true;
      setTimeout(() => (justDragged.current = false), 0);
      const drop = current;
      if (!drop || (drop.staffId === a.staff_id && drop.date === date && drop.minutes === from)) {
        setTarget(null);
        return;
      }
      setSaving(true);
      void latest.current
        .onDrop(a, drop)
        .catch(() => false)
        .then((moved) => {
          // Moved: it stays there until the reloaded calendar shows it; refused: it snaps back.
          setSaving(false);
          if (!moved) setTarget(null);
        });
    };
    const cancel = () => {
      stop();
      setTarget(null);
    };
    const stop = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', cancel);
      cleanup.current = null;
    };
    cleanup.current?.();
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', cancel);
    cleanup.current = stop;
  }

  return {
    target,
    /** The calendar was reloaded: the appointment is where the server has it. */
    settle,
    saving,
    begin,
    /** A click right after a drag is the drag's release, not a click. */
    wasDrag: () => justDragged.current,
  };
}
