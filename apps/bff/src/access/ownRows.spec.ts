import { DOCTYPE_ACCESS, type DoctypeAccess } from '@gigafibre/capabilities';
import { describe, expect, it } from 'vitest';
import { OwnRowsModel, type Scope } from './ownRows';

const model = new OwnRowsModel(DOCTYPE_ACCESS);
const jobs = [
  { name: 'DJ-1', customer: 'C-1', service_location: 'L-1' },
  { name: 'DJ-2', customer: 'C-1', service_location: 'L-1' },
  { name: 'DJ-3', customer: 'C-2', service_location: 'L-2' },
];
const scope = (technician: string | null = 'TECH-001'): Scope => ({
  keys: { email: 'tech@gigafibre.ca', technician },
  loadedAt: 0,
  window: { from: '2026-06-08', to: '2026-06-29' },
  roots: new Map([['Dispatch Job', technician === null ? [] : jobs]]),
  memo: new Map(),
});

describe('OwnRowsModel on the access table', () => {
  it('loads the technician’s jobs with what the other doctypes follow', () => {
    expect(model.rootFields).toEqual(new Map([['Dispatch Job', new Set(['name', 'customer', 'service_location'])]]));
  });

  it('confines each doctype to the technician’s rows', () => {
    const s = scope();
    expect(model.conditions(s, 'Dispatch Job')).toEqual([
      ['technician', '=', 'TECH-001'],
      ['scheduled_date', 'between', ['2026-06-08', '2026-06-29']],
    ]);
    expect(model.conditions(s, 'Customer')).toEqual([['name', 'in', ['C-1', 'C-2']]]);
    expect(model.conditions(s, 'Service Location')).toEqual([['name', 'in', ['L-1', 'L-2']]]);
    expect(model.conditions(s, 'Service Equipment')).toEqual([['service_location', 'in', ['L-1', 'L-2']]]);
    expect(model.conditions(s, 'Technician')).toEqual([['name', '=', 'TECH-001']]);
  });

  it('narrows to what a request pins, and gives none for what is not theirs', () => {
    const s = scope();
    expect(model.conditions(s, 'Customer', new Set(['C-2', 'C-9']))).toEqual([['name', 'in', ['C-2']]]);
    expect(model.conditions(s, 'Customer', new Set(['C-9']))).toBe('none');
    expect(model.conditions(s, 'Dispatch Job', new Set(['TECH-002']))).toBe('none');
    expect(model.conditions(scope(null), 'Customer')).toBe('none');
    expect(model.conditions(scope(null), 'Dispatch Job')).toBe('none');
    expect(model.conditions(s, 'Sales Invoice')).toBe('none');
  });

  it('knows the names, or the field to read to tell', () => {
    const s = scope();
    expect(model.names(s, 'Dispatch Job')).toEqual(new Set(['DJ-1', 'DJ-2', 'DJ-3']));
    expect(model.names(s, 'Service Location')).toEqual(new Set(['L-1', 'L-2']));
    expect(model.names(s, 'Technician')).toEqual(new Set(['TECH-001']));
    expect(model.names(s, 'Service Equipment')).toBeUndefined();
    expect(model.probeField('Service Equipment')).toBe('service_location');
    expect(model.ownsRow(s, 'Service Equipment', { name: 'EQ-1', service_location: 'L-2' })).toBe(true);
    expect(model.ownsRow(s, 'Service Equipment', { name: 'EQ-2', service_location: 'L-9' })).toBe(false);
  });

  it('tells the customer of a job, a location and a client from the loaded jobs', () => {
    const s = scope();
    expect(model.customerOf(s, 'Dispatch Job', 'DJ-3')).toBe('C-2');
    expect(model.customerOf(s, 'Service Location', 'L-1')).toBe('C-1');
    expect(model.customerOf(s, 'Customer', 'C-7')).toBe('C-7');
    expect(model.customerOf(s, 'Service Equipment', 'EQ-1')).toBeUndefined();
  });

  it('refuses a table whose chains cannot be followed', () => {
    const broken = (access: Record<string, DoctypeAccess>) => () => new OwnRowsModel(access);
    expect(broken({ A: { read: [], own: { field: 'name', in: { doctype: 'B', field: 'a' } } } })).toThrow(/declares no own rows/);
    expect(
      broken({
        A: { read: [], own: { field: 'name', in: { doctype: 'B', field: 'x' } } },
        B: { read: [], own: { field: 'name', in: { doctype: 'C', field: 'b' } } },
        C: { read: [], own: { field: 'c', is: 'email' } },
      }),
    ).toThrow(/only a chain of names/);
  });
});
