// Every store back to its empty state: the in-memory half of the K2 wipe.
import { useCandidateStore } from './candidate-store.js';
import { useFlowStore } from './flow-store.js';
import { useOfflineStore } from './offline-capture-store.js';
import { useReferenceStore } from './reference-store.js';

export function resetAllStores(): void {
  useCandidateStore.getState().reset();
  useReferenceStore.getState().reset();
  useOfflineStore.getState().reset();
  useFlowStore.getState().reset();
}
