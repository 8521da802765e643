// Profile feature, English (same keys as frCA; the compiler checks).
import type { Widen } from '@/shared/i18n/featureMessageTypes';
import type { frCA } from './frCA';

export const enCA: Widen<typeof frCA> = {
  title: 'My profile',
  subtitle: 'Who you are and what you can do in Gigafibre Ops.',
  identity: 'Identity',
  name: 'Name',
  email: 'Email',
  username: 'Username',
  groups: 'Groups',
  capabilities: 'Permissions',
  noGroups: 'No groups',
  noCapabilities: 'No permissions: ask an administrator to add you to a group.',
  signOut: 'Sign out',
};
