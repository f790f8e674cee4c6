/** Example values for previews, as a client would see them. */
export const SAMPLE_VALUES: Readonly<Record<string, string>> = {
  first_name: 'Анна',
  code: 'AB2C3D4E',
  value: '10 %',
  description: 'Скидка за подписку на канал',
  expires_at: '31.12.2026',
  channel_url: 'https://t.me/marmeladny_dvorik',
  birth_date: '07.03.1995',
  contacts: 'Владивосток, ул. Светланская, 1 · +7 (423) 200-00-00',
};
