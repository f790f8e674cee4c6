/**
 * Whether a chat is the shop's channel as the setting `channel.chat_id` names it: `@username` (compared
 * without the `@`, in any case, as Telegram does) or a numeric id such as `-1001234567890`.
 */
export function isShopChannel(channelSetting: string, chat: { id: number; username?: string }): boolean {
  const setting = channelSetting.trim();
  if (setting.startsWith('@')) {
    return chat.username !== undefined && chat.username.toLowerCase() === setting.slice(1).toLowerCase();
  }
  return /^-?\d+$/.test(setting) && Number(setting) === chat.id;
}

/**
 * Whether a ChatMember counts as subscribed: member, administrator or creator; a restricted member who is
 * still in the chat counts too. `left` and `kicked` do not.
 */
export function isChannelMember(member: { status: string; is_member?: boolean }): boolean {
  switch (member.status) {
    case 'creator':
    case 'administrator':
    case 'member':
      return true;
    case 'restricted':
      return member.is_member === true;
    default:
      return false;
  }
}
