export { useOutageStore } from './useOutageStore';
export { default as OutageNotice } from './OutageNotice.vue';
export { buildLookup, applyIncidentEvent, changesAffected, type OutageLookup } from './outageIndex';
export { useOutageConfirm, type OutageAction } from './useOutageConfirm';
