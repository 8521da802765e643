export * from './doctype-spec';
export * from './doctypes';
export * from './frappe';
export * from './hub-devices';
export * from './hub-misc';
export * from './hub-users';
export * from './clock';
export * from './montrealTime';
