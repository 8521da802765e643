import { describe, expect, it } from 'vitest';
import { smsSegments } from './smsSegments';
import { MissingTemplateVariables, SMS_TEMPLATE_IDS, SMS_TEMPLATES, firstName, renderSmsTemplate, smsLanguage, templateVariables } from './smsTemplates';

describe('SMS templates', () => {
  it('renders the « en route » text in French and English', () => {
    const values = { client_first_name: 'Josée', technician_first_name: 'Marc', window: 'entre 14 h 20 et 14 h 40' };
    expect(renderSmsTemplate('en_route', 'fr-CA', values)).toBe('Bonjour Josée, Marc, votre technicien Gigafibre, est en route : arrivée prévue entre 14 h 20 et 14 h 40. Répondez à ce texto si vous devez vous absenter.');
    expect(renderSmsTemplate('en_route', 'en-CA', { ...values, window: 'between 2:20 p.m. and 2:40 p.m.' })).toBe(
      'Hello Josée, Marc, your Gigafibre technician, is on the way, expected between 2:20 p.m. and 2:40 p.m.; reply to this text if you need to step out.',
    );
  });

  it('refuses a missing or blank variable and names it', () => {
    try {
      renderSmsTemplate('visit_confirmation', 'fr-CA', { client_first_name: 'Luc', date: '  ' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(MissingTemplateVariables);
      expect((err as MissingTemplateVariables).missing).toEqual(['date', 'window']);
      expect((err as Error).message).toMatch(/Variables manquantes.*date, window/);
    }
  });

  it('has every template in both languages with the same variables, each under 10 segments', () => {
    for (const id of SMS_TEMPLATE_IDS) {
      expect(templateVariables(id, 'en-CA').sort(), id).toEqual(templateVariables(id, 'fr-CA').sort());
      for (const lang of ['fr-CA', 'en-CA'] as const) expect(smsSegments(SMS_TEMPLATES[id][lang]).segments).toBeLessThanOrEqual(3);
    }
  });

  it('picks the customer’s language, French by default', () => {
    expect(smsLanguage('en')).toBe('en-CA');
    expect(smsLanguage('en-CA')).toBe('en-CA');
    expect(smsLanguage('fr')).toBe('fr-CA');
    expect(smsLanguage(null)).toBe('fr-CA');
    expect(smsLanguage('')).toBe('fr-CA');
  });

  it('takes the first name', () => {
    expect(firstName('Marie-Ève Tremblay')).toBe('Marie-Ève');
    expect(firstName('  Luc  ')).toBe('Luc');
    expect(firstName(null)).toBe('');
  });
});
