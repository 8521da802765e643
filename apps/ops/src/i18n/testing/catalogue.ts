// Every message of the app in one language (the shell's and every feature's), for the specs that
// check them all (messages.spec.ts, messageCompiler.spec.ts).
import { MESSAGE_FEATURES, type MessageTree } from '@/shared/i18n/featureMessageTypes';
import { featureMessageLoader } from '../featureMessages';
import enCA from '../en-CA';
import frCA from '../fr-CA';

/** Dotted key → message, for a tree of messages. */
export function leaves(tree: MessageTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

/** The whole catalogue of a language; throws when a feature's messages are missing or clash with a shell key. */
export async function catalogue(locale: 'fr-CA' | 'en-CA'): Promise<MessageTree> {
  const tree: MessageTree = { ...(locale === 'fr-CA' ? frCA : enCA) };
  for (const feature of MESSAGE_FEATURES) {
    if (tree[feature] !== undefined) throw new Error(`« ${feature} » is both a shell key and a feature`);
    const messages = await featureMessageLoader(feature, locale)();
    if (typeof messages !== 'object' || messages === null) throw new Error(`${feature} ${locale}: no messages exported`);
    tree[feature] = messages;
  }
  return tree;
}
