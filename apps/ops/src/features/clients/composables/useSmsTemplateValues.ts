// The composer's template values for one client, from what the file already reads: the client's
// name and their jobs (the same cached query as the jobs section), plus the next visit's technician,
// worded in the customer's language.
import { computed, shallowRef, watch, type Ref } from 'vue';
import { montrealToday, smsLanguage } from '@gigafibre/contracts';
import { useDocQuery } from '@/shared/documents';
import { useCan } from '@/shared/session/useCan';
import { fetchJobs, fetchTechnicianNames } from '../api/clientDetailApi';
import { concernsSection } from '../model/clientSections';
import { splitJobs } from '../model/splitJobs';
import { templateValues } from '../model/smsTemplateValues';

export function useSmsTemplateValues(id: () => string, customerName: Ref<string | null | undefined>, customerLanguage: Ref<string | null | undefined>) {
  const { canAny } = useCan();
  const jobs = useDocQuery(() => ['client', 'jobs', id()], (signal) => fetchJobs(id(), signal), { on: concernsSection('jobs', id) });
  const upcoming = computed(() => splitJobs(jobs.data.value ?? [], montrealToday()).upcoming);
  const technicians = shallowRef(new Map<string, string>());
  watch(upcoming, async (list) => {
    const tech = list.find((j) => j.scheduled_date)?.technician;
    // Names are a nicety: users who may not read technicians get the template without that variable.
    if (!tech || technicians.value.has(tech) || !canAny(['dispatch.view', 'scan.use', 'visits.book'])) return;
    technicians.value = await fetchTechnicianNames([tech]).catch(() => new Map<string, string>());
  });
  return computed(() =>
    templateValues({
      customerName: customerName.value,
      upcoming: upcoming.value,
      technicianName: (tech) => technicians.value.get(tech) ?? null,
      language: smsLanguage(customerLanguage.value),
    }),
  );
}
