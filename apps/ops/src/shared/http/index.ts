// The app's one way to the network. Features import from here (or from their own api/).
export { ApiError, isApiError, type ApiErrorCode } from './ApiError';
export {
  API_BASE,
  apiUrl,
  CSRF_HEADER,
  DEFAULT_TIMEOUT_MS,
  invalidateReads,
  openStream,
  request,
  setHttpHandlers,
  type HttpHandlers,
  type HttpMethod,
  type QueryParams,
  type RequestOptions,
} from './client';
export { callMethod, erpCount, erpDelete, erpGet, erpInsert, erpList, erpListAll, erpUpdate, erpUploadFile, type CallOptions, type ErpListOptions, type FieldOf } from './erp';
export { hubGet, hubPost, type HubGetRoutes, type HubPostRoutes } from './hub';
