// Typed targo-hub calls through the BFF: /ops/api/hub/* → hub /*. The maps below name what each
// path returns (packages/contracts), so a feature's api/ files get typed answers without casts.
import type {
  AuthUser,
  DeviceLookup,
  DeviceTaskRequest,
  DeviceTaskResult,
  InviteUserRequest,
  InviteUserResult,
  Message,
  MessagePage,
  NumberOptState,
  SendMessageRequest,
  TraccarDevice,
  TraccarPosition,
  VisionBarcodes,
  VisionEquipment,
  VisionInvoice,
} from '@gigafibre/contracts';
import { request, type QueryParams } from './client';
import type { CallOptions } from './erp';

/** Hub GET paths → their answer. */
export interface HubGetRoutes {
  '/devices/lookup': DeviceLookup;
  '/traccar/devices': TraccarDevice[];
  '/traccar/positions': TraccarPosition[];
  '/auth/users': AuthUser[];
  '/messages': MessagePage;
  '/messages/opt-out': NumberOptState;
}

/** Hub POST paths → [body, answer]. Upload bodies are FormData (field `image`). */
export interface HubPostRoutes {
  [path: `/devices/${string}/tasks`]: [DeviceTaskRequest, DeviceTaskResult];
  '/vision/barcodes': [FormData, VisionBarcodes];
  '/vision/equipment': [FormData, VisionEquipment];
  '/vision/invoice': [FormData, VisionInvoice];
  '/auth/users': [InviteUserRequest, InviteUserResult];
  '/messages': [SendMessageRequest, Message];
}

/** `GET /ops/api/hub<path>`. */
export function hubGet<P extends keyof HubGetRoutes>(
  path: P,
  query: QueryParams = {},
  options: CallOptions = {},
): Promise<HubGetRoutes[P]> {
  return request<HubGetRoutes[P]>(`/hub${path}`, { ...options, query });
}

/** `POST /ops/api/hub<path>` with a JSON or FormData body. */
export function hubPost<P extends keyof HubPostRoutes>(
  path: P,
  body: HubPostRoutes[P][0],
  options: CallOptions & { query?: QueryParams } = {},
): Promise<HubPostRoutes[P][1]> {
  const payload = body instanceof FormData ? { body } : { json: body };
  return request<HubPostRoutes[P][1]>(`/hub${path}`, { ...options, ...payload, method: 'POST' });
}
