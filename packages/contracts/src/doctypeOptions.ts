// The option lists of the doctypes' Select fields (and the types named after them).

/** Gigafibre's four service regions (ERPNext Territory names). */
export const REGIONS = ['Montréal', 'Laval', 'Rive-Sud', 'Laurentides'] as const;
/** A service region. */
export type Region = (typeof REGIONS)[number];

/** Technician skills a Dispatch Job may require. */
export const SKILLS = ['Fibre Splicing', 'Installation', 'Wi-Fi/Mesh', 'Business'] as const;
/** A technician skill. */
export type Skill = (typeof SKILLS)[number];

/** Dispatch Job statuses, in their lifecycle order. */
export const JOB_STATUSES = ['Unscheduled', 'Scheduled', 'En Route', 'In Progress', 'Completed', 'Not Completed', 'Cancelled'] as const;
/** A Dispatch Job status. */
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Priorities shared by Issue and Dispatch Job (ERPNext's default Issue Priority names). */
export const PRIORITIES = ['Low', 'Medium', 'High', 'Urgent'] as const;
/** A priority. */
export type Priority = (typeof PRIORITIES)[number];

/** ERPNext's Issue statuses (erpnext/support/doctype/issue/issue.json). */
export const ISSUE_STATUSES = ['Open', 'Replied', 'On Hold', 'Resolved', 'Closed'] as const;
/** An Issue status. */
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

/** ERPNext's `agreement_status` of an Issue (service_level_agreement.py update_agreement_status). */
export const AGREEMENT_STATUSES = ['First Response Due', 'Resolution Due', 'Fulfilled', 'Failed'] as const;
/** An SLA status. */
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** The customer's preferred part of the day for a visit. */
export const VISIT_WINDOWS = ['Any', 'Morning', 'Afternoon', 'Evening'] as const;
/** A preferred window. */
export type VisitWindow = (typeof VISIT_WINDOWS)[number];

/** Dispatch Job kinds. */
export const JOB_TYPES = ['Installation', 'Repair', 'Relocation'] as const;
/** A Dispatch Job kind. */
export type JobType = (typeof JOB_TYPES)[number];

/** Kinds of equipment installed at a service location. */
export const EQUIPMENT_TYPES = ['ONT', 'Router', 'Mesh Node'] as const;
/** A kind of equipment. */
export type EquipmentType = (typeof EQUIPMENT_TYPES)[number];
