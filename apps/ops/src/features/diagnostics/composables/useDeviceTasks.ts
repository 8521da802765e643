// Rafraîchir and Redémarrer: one task at a time, its outcome kept on screen (done, queued or why
// it failed), and the panel reloaded after a refresh.
import { ref, shallowRef } from 'vue';
import type { DeviceTaskName } from '@gigafibre/contracts';
import { runDeviceTask } from '../api/diagnosticsApi';
import { taskFailure, taskOutcome, type TaskOutcome } from '../model/diagnosticsFailures';

export interface TaskReport {
  task: DeviceTaskName;
  outcome: TaskOutcome;
}

export function useDeviceTasks(reloadPanel: () => Promise<void>) {
  const busy = ref<DeviceTaskName | null>(null);
  const report = shallowRef<TaskReport | null>(null);

  async function run(deviceId: string, task: DeviceTaskName): Promise<TaskReport | null> {
    if (busy.value) return null;
    busy.value = task;
    report.value = null;
    let outcome: TaskOutcome;
    try {
      outcome = taskOutcome(await runDeviceTask(deviceId, task));
    } catch (error) {
      outcome = taskFailure(error);
    } finally {
      busy.value = null;
    }
    report.value = { task, outcome };
    // "After a refresh the panel reloads": a done refresh brings new values; a queued one at least
    // shows the current state. A reboot's device is going down: reading it now would mislead.
    if (task === 'refreshObject' && outcome.kind !== 'failed') await reloadPanel();
    return report.value;
  }

  return { busy, report, run, clear: () => (report.value = null) };
}
