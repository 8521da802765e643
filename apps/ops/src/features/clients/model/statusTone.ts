// The colour a status is shown in, by what it asks of the reader: fine (green), needs attention
// (amber, dark text), wrong (red), in motion (blue), over or inactive (grey).
export type Tone = 'good' | 'attention' | 'bad' | 'active' | 'done';

const TONES: Record<string, Tone> = {
  Active: 'good',
  Paid: 'good',
  Completed: 'good',
  Resolved: 'good',
  Suspended: 'attention',
  Unpaid: 'attention',
  'Partly Paid': 'attention',
  'On Hold': 'attention',
  Unscheduled: 'attention',
  'In Stock': 'attention',
  High: 'attention',
  Overdue: 'bad',
  Faulty: 'bad',
  'Not Completed': 'bad',
  Urgent: 'bad',
  Scheduled: 'active',
  'En Route': 'active',
  'In Progress': 'active',
  Open: 'active',
  Replied: 'active',
};

export function toneOf(value: string | null | undefined): Tone {
  return (value && TONES[value]) || 'done';
}

/** Quasar colour and text colour for a tone (each pair passes AA in both themes). */
export const TONE_COLORS: Record<Tone, { color: string; textColor: string }> = {
  good: { color: 'positive', textColor: 'white' },
  attention: { color: 'warning', textColor: 'dark' },
  bad: { color: 'negative', textColor: 'white' },
  active: { color: 'primary', textColor: 'white' },
  done: { color: 'grey-8', textColor: 'white' },
};
