import { describe, expect, it } from 'vitest';
import { historyEntries, parseVersionData } from './dispatchHistory';

const v = (name: string, creation: string, changed: unknown[][], owner = 'dispatch@gigafibre.ca') => ({
  name,
  owner,
  creation,
  data: JSON.stringify({ added: [], changed, removed: [], row_changed: [] }),
});

describe('job history', () => {
  it('reads Frappe Version data, keeping the fields a dispatcher cares about, in reading order', () => {
    expect(
      parseVersionData(
        JSON.stringify({
          changed: [
            ['start_time', null, '10:00:00'],
            ['modified_by', 'a', 'b'],
            ['status', 'Unscheduled', 'Scheduled'],
            ['technician', null, 'TECH-002'],
          ],
        }),
      ),
    ).toEqual([
      { field: 'status', from: 'Unscheduled', to: 'Scheduled' },
      { field: 'technician', from: null, to: 'TECH-002' },
      { field: 'start_time', from: null, to: '10:00:00' },
    ]);
  });

  it('never throws on odd data', () => {
    expect(parseVersionData(null)).toEqual([]);
    expect(parseVersionData('not json')).toEqual([]);
    expect(parseVersionData('{"changed": "nope"}')).toEqual([]);
    expect(parseVersionData('{"changed": [[1, 2, 3], "x", ["duration_minutes", 60, 90]]}')).toEqual([{ field: 'duration_minutes', from: '60', to: '90' }]);
  });

  it('lists entries newest first with their resulting status, skipping empty ones', () => {
    const entries = historyEntries([
      v('a', '2026-05-03 17:00:00.000000', [['status', 'Unscheduled', 'Scheduled'], ['technician', null, 'TECH-002']]),
      v('b', '2026-05-04 08:35:00.000000', [['status', 'Scheduled', 'En Route']], 'tech@gigafibre.ca'),
      v('c', '2026-05-04 08:40:00.000000', [['modified_by', 'x', 'y']]),
    ]);
    expect(entries.map((e) => [e.name, e.by, e.status])).toEqual([
      ['b', 'tech@gigafibre.ca', 'En Route'],
      ['a', 'dispatch@gigafibre.ca', 'Scheduled'],
    ]);
  });
});
