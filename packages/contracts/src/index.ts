export * from './doctype-spec';
export * from './doctypes';
export * from './frappe';
export * from './frappe-doc';
export * from './hub-devices';
export * from './hub-misc';
export * from './hub-users';
