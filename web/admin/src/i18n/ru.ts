import russianMessages from 'ra-language-russian';

/**
 * Every text of the panel in one file: react-admin's own Russian messages (ra-language-russian) and the
 * shop's words for resources, fields and pages. Both halves of the panel add their keys here.
 */
export const ru = {
  ...russianMessages,
  resources: {
    users: {
      name: 'Клиент |||| Клиенты',
      fields: {
        id: 'ID',
        telegramId: 'Telegram ID',
        firstName: 'Имя',
        lastName: 'Фамилия',
        username: 'Username',
        phone: 'Телефон',
        birthDate: 'Дата рождения',
        tags: 'Теги',
        source: 'Источник',
        subscribed: 'Подписан',
        status: 'Статус',
        isTest: 'Тестовый',
        notes: 'Заметки',
        createdAt: 'Регистрация',
        lastActivityAt: 'Последняя активность',
        hasActiveDiscount: 'Есть действующий код',
      },
    },
    discounts: {
      name: 'Код |||| Коды',
      fields: {
        code: 'Код',
        userId: 'Клиент',
        templateId: 'Шаблон',
        status: 'Статус',
        validFrom: 'Действует с',
        validUntil: 'Действует до',
        usedCount: 'Использований',
        createdAt: 'Выдан',
      },
    },
    'discount-usage': { name: 'Использование кодов' },
    'discount-templates': {
      name: 'Шаблон скидки |||| Шаблоны скидок',
      fields: {
        name: 'Название',
        type: 'Тип',
        value: 'Размер',
        isActive: 'Включён',
        createdAt: 'Создан',
      },
    },
  },
  dvorik: {
    title: 'Мармеладный Дворик',
    auth: {
      expired: 'Сеанс истёк, войдите снова',
      username: 'Имя пользователя',
      password: 'Пароль',
      sign_in: 'Войти',
    },
    forbidden: 'У вашей роли нет прав на это действие',
  },
};

export type Messages = typeof ru;
