import { describe, expect, it } from 'vitest';
import { newScanRecord } from './scanQueueRecord';
import { addressLine, canFail, mapsHref, nextStatus, phonePlatform, shownStatus, shownSteps, statusKey } from './techJobActions';
import type { TechJobPlace } from '../services/techJobData';

const place: TechJobPlace = {
  location: 'LOC-000005',
  address: '3340, rue Masson',
  city: 'Montréal',
  postalCode: 'H1X 1R7',
  latitude: 45.5448,
  longitude: -73.5741,
  accessNotes: null,
};

describe('job status steps', () => {
  it('goes en route → en cours → terminé, and nowhere from a closed job', () => {
    expect(nextStatus('Scheduled')).toBe('En Route');
    expect(nextStatus('En Route')).toBe('In Progress');
    expect(nextStatus('In Progress')).toBe('Completed');
    expect(nextStatus('Completed')).toBeNull();
    expect(nextStatus('Cancelled')).toBeNull();
    expect(nextStatus('Unscheduled')).toBeNull();
    expect(statusKey('In Progress')).toBe('InProgress');
  });

  it('shows the latest status still in the queue, until it is sent', () => {
    const status = (s: 'En Route' | 'In Progress') => newScanRecord({ kind: 'job-status', payload: { status: s } }, { user: 'u', job: 'DJ-1' });
    const enRoute = status('En Route');
    const inProgress = status('In Progress');
    expect(shownStatus('Scheduled', [])).toEqual({ status: 'Scheduled', queued: false });
    expect(shownStatus('Scheduled', [enRoute, inProgress])).toEqual({ status: 'In Progress', queued: true });
    expect(shownStatus('En Route', [{ ...inProgress, state: 'refused' }])).toEqual({ status: 'En Route', queued: false });
  });
});

describe('directions', () => {
  it('recognises the phone', () => {
    expect(phonePlatform('Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Mobile/15E148')).toBe('ios');
    expect(phonePlatform('Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile Safari/537.36')).toBe('android');
    expect(phonePlatform('Mozilla/5.0 (X11; Linux x86_64) Chrome/156')).toBe('other');
  });

  it('opens the maps app at the coordinates, labelled with the address', () => {
    expect(addressLine(place)).toBe('3340, rue Masson, Montréal, H1X 1R7');
    expect(mapsHref(place, 'android')).toBe(`geo:45.5448,-73.5741?q=${encodeURIComponent('45.5448,-73.5741(3340, rue Masson, Montréal, H1X 1R7)')}`);
    expect(mapsHref(place, 'ios')).toBe(`https://maps.apple.com/?daddr=45.5448%2C-73.5741&q=${encodeURIComponent('3340, rue Masson, Montréal, H1X 1R7')}`);
    expect(mapsHref(place, 'other')).toBe('https://www.google.com/maps/dir/?api=1&destination=45.5448%2C-73.5741');
  });

  it('falls back to the address without coordinates', () => {
    const noPoint = { ...place, latitude: null, longitude: null };
    expect(mapsHref(noPoint, 'android')).toBe(`geo:0,0?q=${encodeURIComponent('3340, rue Masson, Montréal, H1X 1R7')}`);
    expect(mapsHref(noPoint, 'other')).toContain(encodeURIComponent('3340, rue Masson'));
  });

  it('a job on the way or on site may end as not completed; never before leaving or once closed', () => {
    expect(['Scheduled', 'En Route', 'In Progress', 'Completed', 'Not Completed'].map((s) => canFail(s as never))).toEqual([false, true, true, false, false]);
    expect(nextStatus('Not Completed')).toBeNull();
  });

  it('lists the recorded steps, then the queued ones at their tap time, never one twice', () => {
    const recorded = { enRouteAt: '2026-11-18 09:40:00', arrivedAt: null, closedAt: null };
    const arrive = newScanRecord({ kind: 'job-status', payload: { status: 'In Progress', at: '2026-11-18T15:05:00.000Z' } }, { user: 'u', job: 'DJ-1' });
    const again = newScanRecord({ kind: 'job-status', payload: { status: 'En Route', at: '2026-11-18T15:01:00.000Z' } }, { user: 'u', job: 'DJ-1' });
    const refused = { ...newScanRecord({ kind: 'job-status', payload: { status: 'Completed', at: '2026-11-18T16:00:00.000Z' } }, { user: 'u', job: 'DJ-1' }), state: 'refused' as const };
    expect(shownSteps(recorded, 'En Route', [again, arrive, refused])).toEqual([
      { key: 'enRoute', at: '2026-11-18 09:40:00', queued: false },
      { key: 'arrived', at: '2026-11-18T15:05:00.000Z', queued: true },
    ]);
    expect(shownSteps({ enRouteAt: null, arrivedAt: null, closedAt: '2026-11-18 10:00:00' }, 'Not Completed', [])).toEqual([{ key: 'notCompleted', at: '2026-11-18 10:00:00', queued: false }]);
  });
});
