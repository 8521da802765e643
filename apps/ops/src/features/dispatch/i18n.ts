import { defineFeatureMessages } from '@/i18n/defineFeatureMessages';

export default defineFeatureMessages('dispatch', {
  'fr-CA': {
    title: 'Répartition',
    subtitle: 'Techniciens, interventions et file d’attente de la journée.',
    emptyTitle: 'Le tableau de répartition arrive',
  },
  'en-CA': {
    title: 'Dispatch',
    subtitle: 'Technicians, jobs and the day’s queue.',
    emptyTitle: 'The dispatch board is on its way',
  },
});
