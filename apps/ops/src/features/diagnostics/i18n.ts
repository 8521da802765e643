import { defineFeatureMessages } from '@/i18n/defineFeatureMessages';

export default defineFeatureMessages('diagnostics', {
  'fr-CA': {
    title: 'Diagnostic',
    subtitle: 'État d’un appareil client : signal optique, interfaces, Wi-Fi et maillage.',
    device: 'Appareil {serial}',
    emptyTitle: 'Le diagnostic d’appareil arrive',
  },
  'en-CA': {
    title: 'Diagnostics',
    subtitle: 'A customer device’s state: optical signal, interfaces, Wi-Fi and mesh.',
    device: 'Device {serial}',
    emptyTitle: 'Device diagnostics are on their way',
  },
});
