// The app's message compiler against vue-i18n's own (still in the test build): every message of
// every feature, in both languages, reads the same with the same values and plural counts.
import { describe, expect, it, vi } from 'vitest';
import { createI18n } from 'vue-i18n';
import { compileMessage, parseMessage } from './messageCompiler';
import type { MessageTree } from '@/shared/i18n/featureMessageTypes';
import { catalogue, leaves } from './testing/catalogue';

const LOCALES = ['fr-CA', 'en-CA'] as const;

function instances(messages: Record<string, MessageTree>) {
  const common = { legacy: false as const, locale: 'fr-CA', messages, missingWarn: false, fallbackWarn: false };
  return { ours: createI18n({ ...common, messageCompiler: compileMessage }).global, theirs: createI18n(common).global };
}

describe('compileMessage', () => {
  it('reads every message of the app exactly as vue-i18n’s compiler does, counts 0, 1, 2 and 5 included', async () => {
    const messages = { 'fr-CA': await catalogue('fr-CA'), 'en-CA': await catalogue('en-CA') };
    const { ours, theirs } = instances(messages);
    let compared = 0;
    for (const locale of LOCALES) {
      ours.locale.value = locale;
      theirs.locale.value = locale;
      for (const [key, source] of leaves(messages[locale])) {
        expect(parseMessage(source), `${locale} ${key} uses syntax compileMessage does not know: ${source}`).not.toBeNull();
        const names = [...source.matchAll(/\{\s*(\w+)\s*\}/g)].map((m) => m[1] as string);
        const values = Object.fromEntries(names.map((n) => [n, `<${n}>`]));
        expect(ours.t(key, values), `${locale} ${key}`).toBe(theirs.t(key, values));
        if (source.includes('|')) {
          for (const n of [0, 1, 2, 5]) expect(ours.t(key, { ...values, n, count: n }, n), `${locale} ${key} (${n})`).toBe(theirs.t(key, { ...values, n, count: n }, n));
        }
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('knows text, named and list values, literals, and plural cases with the spaces around « | » dropped', () => {
    const messages = {
      'fr-CA': {
        plain: 'Bonjour',
        named: 'Bonjour {name}, {  name  } !',
        list: '{0} et {1}',
        literal: "prenom.nom{'@'}gigafibre.ca {'{'}x{'}'} {'|'}",
        plural: 'aucun client | {n} client\n|  {n} clients',
        edges: ' espace devant | et derrière ',
      },
    };
    const { ours, theirs } = instances(messages);
    const calls: [string, ...unknown[]][] = [
      ['plain'],
      ['named', { name: 'Luc' }],
      ['list', ['a', 'b']],
      ['literal'],
      ['plural', 0],
      ['plural', 1],
      ['plural', 7],
      ['edges', 0],
      ['edges', 1],
    ];
    for (const [key, ...args] of calls) {
      const t = (g: typeof ours) => (g.t as (...a: unknown[]) => string)(key, ...args);
      expect(t(ours), key).toBe(t(theirs));
    }
    expect(ours.t('plural', 7)).toBe('7 clients');
    expect(ours.t('literal')).toBe('prenom.nom@gigafibre.ca {x} |');
  });

  it('shows a message it cannot read as written instead of failing', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const source of ['@:autre.clé', 'ouvert {', 'fermé }', '{a{b}}', '{ nom avec espaces }']) {
      expect(parseMessage(source), source).toBeNull();
      const fn = compileMessage(source, { locale: 'fr-CA', key: 'k' } as never);
      expect((fn as (ctx: unknown) => unknown)({})).toBe(source);
    }
  });
});
