export const ADMIN_ROLE: Record<string, string> = {
  owner: 'Владелец',
  marketing: 'Маркетолог',
  readonly: 'Только чтение',
};

export const ADMIN_ROLE_CHOICES = Object.entries(ADMIN_ROLE).map(([id, name]) => ({ id, name }));
