import type { SandboxBotConfig } from './sandbox';

/** The shop's two bots as the sandbox shows them, from the app's own variables (CLIENT_BOT_TOKEN, STAFF_BOT_TOKEN). */
export function shopBots(env: Record<string, string | undefined>): SandboxBotConfig[] {
  const bots: SandboxBotConfig[] = [];
  if (env.CLIENT_BOT_TOKEN)
    bots.push({
      token: env.CLIENT_BOT_TOKEN,
      role: 'client',
      title: 'Мармеладный Дворик',
      username: 'marmeladny_dvorik_bot',
    });
  if (env.STAFF_BOT_TOKEN)
    bots.push({
      token: env.STAFF_BOT_TOKEN,
      role: 'staff',
      title: 'Дворик · персонал',
      username: 'marmeladny_staff_bot',
    });
  return bots;
}
