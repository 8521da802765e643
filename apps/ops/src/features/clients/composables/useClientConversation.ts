// One client's SMS thread, kept current: the first page from the hub (older pages on demand), then
// every `message` event for this client (status changes, inbound texts) and the outbox's answers;
// the number's opt-out state, also live (`number_opt`). A stream back after a cut re-reads page one.
import { computed, ref, shallowRef, watch, type Ref } from 'vue';
import { toE164, type Message, type MessageEvent, type NumberOptEvent, type NumberOptState } from '@gigafibre/contracts';
import { useHubEvents } from '@/shared/live';
import { useSessionStore } from '@/shared/session/useSessionStore';
import { fetchOptState, fetchThreadPage } from '../api/clientMessagesApi';
import { buildThread, upsertMessage } from '../model/conversationThread';
import { useSmsOutbox } from './useSmsOutbox';

const isMessageEvent = (d: unknown): d is MessageEvent => typeof d === 'object' && d !== null && typeof (d as MessageEvent).message?.sid === 'string';
const isOptEvent = (d: unknown): d is NumberOptEvent => typeof d === 'object' && d !== null && Array.isArray((d as NumberOptEvent).customers) && typeof (d as NumberOptEvent).state?.number === 'string';

export function useClientConversation(customer: () => string, mobile: Ref<string | null | undefined>) {
  const session = useSessionStore();
  const outbox = useSmsOutbox();
  /** Newest first, as the hub pages them. */
  const messages = shallowRef<Message[]>([]);
  const nextBefore = ref<string | null>(null);
  const loaded = ref(false);
  const loading = ref(false);
  const loadingOlder = ref(false);
  const error = shallowRef<unknown>(null);
  const opt = shallowRef<NumberOptState | null>(null);
  let generation = 0;

  const merge = (list: readonly Message[]) => {
    let next = messages.value;
    for (const m of list) next = upsertMessage(next, m);
    messages.value = next;
  };

  async function reload(): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    try {
      const page = await fetchThreadPage(customer(), null);
      if (mine !== generation) return;
      // Keep older pages already read; page one replaces what it covers.
      merge(page.messages);
      if (!loaded.value) nextBefore.value = page.next_before;
      loaded.value = true;
      error.value = null;
    } catch (e) {
      if (mine === generation) error.value = e;
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  async function loadOlder(): Promise<void> {
    if (!nextBefore.value || loadingOlder.value) return;
    loadingOlder.value = true;
    try {
      const page = await fetchThreadPage(customer(), nextBefore.value);
      merge(page.messages);
      nextBefore.value = page.next_before;
    } catch (e) {
      error.value = e;
    } finally {
      loadingOlder.value = false;
    }
  }

  const to = computed(() => (mobile.value ? toE164(mobile.value) : null));
  async function readOpt(): Promise<void> {
    const number = to.value;
    if (!number) return void (opt.value = null);
    try {
      const state = await fetchOptState(number);
      if (number === to.value) opt.value = state;
    } catch {
      // Unknown: the hub refuses an opted-out number anyway, with its reason.
    }
  }

  watch(customer, () => {
    messages.value = [];
    nextBefore.value = null;
    loaded.value = false;
    void reload();
  }, { immediate: true });
  watch(to, () => void readOpt(), { immediate: true });
  watch(outbox.acknowledged, (m) => m && m.customer === customer() && merge([m]));

  useHubEvents('message', (data) => {
    if (isMessageEvent(data) && (data.customer ?? data.message.customer) === customer()) merge([data.message]);
  }, { onResumed: () => void reload() });
  // The composer follows the number it would text (another customer sharing it counts too).
  useHubEvents('number_opt', (data) => {
    if (isOptEvent(data) && data.state.number === to.value) opt.value = data.state;
  }, { onResumed: () => void readOpt() });

  const me = computed(() => session.user);
  const thread = computed(() => buildThread(messages.value, outbox.records.value, customer(), (email) => (me.value?.email === email ? me.value.name : null)));

  return { messages, thread, to, opt, loaded, loading, loadingOlder, error, hasOlder: computed(() => nextBefore.value !== null), reload, loadOlder, outbox };
}

export type ClientConversation = ReturnType<typeof useClientConversation>;
