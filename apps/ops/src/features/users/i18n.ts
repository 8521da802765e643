import { defineFeatureMessages } from '@/i18n/defineFeatureMessages';

export default defineFeatureMessages('users', {
  'fr-CA': {
    title: 'Utilisateurs',
    subtitle: 'Inviter le personnel et gérer ses accès.',
    emptyTitle: 'La gestion des utilisateurs arrive',
  },
  'en-CA': {
    title: 'Users',
    subtitle: 'Invite staff and manage their access.',
    emptyTitle: 'User management is on its way',
  },
});
