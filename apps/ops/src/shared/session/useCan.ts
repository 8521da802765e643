// `const { can } = useCan(); can('dispatch.assign')`: reactive capability checks for components.
import type { Capability } from '@gigafibre/capabilities';
import { useSessionStore } from './useSessionStore';

export function useCan() {
  const session = useSessionStore();
  return {
    /** The user holds this capability. */
    can: (capability: Capability): boolean => session.capabilities.has(capability),
    /** The user holds every one of these. */
    canAll: (capabilities: readonly Capability[]): boolean => capabilities.every((c) => session.capabilities.has(c)),
    /** The user holds at least one of these. */
    canAny: (capabilities: readonly Capability[]): boolean => capabilities.some((c) => session.capabilities.has(c)),
  };
}
