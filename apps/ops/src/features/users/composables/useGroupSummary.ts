// Group descriptions in the current language, for templates: `summary('ops-dispatch')`.
import { useI18n } from 'vue-i18n';
import { capabilityLabel } from '@/i18n/labels';
import { describeGroup, groupSummary } from '../model/groupDescriptions';
import { useGroupMap } from './useGroupMap';

export function useGroupSummary() {
  const { t, locale } = useI18n();
  const map = useGroupMap();
  return (group: string): string =>
    groupSummary(describeGroup(group, map.value), {
      capabilityLabel,
      everything: t('users.groups.everything'),
      nothing: t('users.groups.nothing'),
      locale: locale.value,
    });
}
