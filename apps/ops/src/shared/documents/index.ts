// The keyed, reactive document cache (README.md): read with useDoc / useDocList / useDocQuery,
// write with saveDoc / insertDoc / deleteDoc / callDocMethod; live events keep it current.
export { useDoc, useDocList, useDocQuery, type CachedState, type DocListParams } from './useDocuments';
export { callDocMethod, deleteDoc, insertDoc, saveDoc, type SaveOptions } from './documentWrites';
export { documentCache } from './documentCache';
