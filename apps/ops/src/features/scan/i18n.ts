import { defineFeatureMessages } from '@/i18n/defineFeatureMessages';

export default defineFeatureMessages('scan', {
  'fr-CA': {
    title: 'Scanner',
    subtitle: 'Numérisez un code-barres ou une étiquette d’équipement.',
    emptyTitle: 'Le scanner arrive',
    jobs: { title: 'Mes tâches', subtitle: 'Vos interventions du jour.', emptyTitle: 'Vos tâches du jour arrivent' },
    job: { title: 'Intervention {job}', emptyTitle: 'La fiche d’intervention arrive' },
  },
  'en-CA': {
    title: 'Scan',
    subtitle: 'Scan an equipment barcode or label.',
    emptyTitle: 'The scanner is on its way',
    jobs: { title: 'My jobs', subtitle: 'Your jobs for today.', emptyTitle: 'Your jobs for today are on their way' },
    job: { title: 'Job {job}', emptyTitle: 'The job view is on its way' },
  },
});
