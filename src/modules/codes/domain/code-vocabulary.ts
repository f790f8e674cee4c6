/** The words of a code and its template, as stored (the entities' columns) and as other modules name them. */

export const TEMPLATE_PURPOSES = ['subscription', 'birthday', 'manual'] as const;
export type TemplatePurpose = (typeof TEMPLATE_PURPOSES)[number];

export const DISCOUNT_KINDS = ['percent', 'fixed'] as const;
/** `percent`: value 1..100; `fixed`: value in minor units (kopecks). */
export type DiscountKind = (typeof DISCOUNT_KINDS)[number];

export const TEMPLATE_USAGES = ['single', 'shared'] as const;
/** `single`: a personal code redeemed once; `shared`: one code for many clients, each client once. */
export type TemplateUsage = (typeof TEMPLATE_USAGES)[number];

export const DISCOUNT_STATUSES = ['active', 'used', 'expired', 'revoked'] as const;
export type DiscountStatus = (typeof DISCOUNT_STATUSES)[number];

export const DISCOUNT_REASONS = ['subscription', 'birthday', 'manual', 'bulk', 'referral'] as const;
export type DiscountReason = (typeof DISCOUNT_REASONS)[number];
