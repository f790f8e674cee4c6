import { errorFromSpec, type BotApiError } from './api-error';
import type { ErrorSpec, Params } from './types';

/** What a scripted fault can look at to decide whether a call fails. */
export interface CallTarget {
  token: string;
  method: string;
  chatId?: number;
  params: Params;
}

export type CallPredicate = (call: CallTarget) => boolean;

/** Removes a fault before it has been used up. */
export interface FaultHandle {
  remove(): void;
}

interface Fault {
  matches: CallPredicate;
  error: ErrorSpec;
  /** Uses left; Infinity for a fault that stays until removed. */
  remaining: number;
}

/** Scripted failures: blocked chats and one-shot or standing errors for matching calls. */
export class FaultInjector {
  private readonly blocked = new Set<number>();
  /** `<token>:<chatId>`: a user who blocked one bot (the other bots still reach them). */
  private readonly blockedBots = new Set<string>();
  private faults: Fault[] = [];

  /** Every bot's sends to the chat fail with 403. */
  block(chatId: number): void {
    this.blocked.add(chatId);
  }

  unblock(chatId: number): void {
    this.blocked.delete(chatId);
  }

  /** The user blocked this bot (or unblocked it, with blocked = false). */
  blockBot(token: string, chatId: number, blocked: boolean): void {
    if (blocked) this.blockedBots.add(`${token}:${chatId}`);
    else this.blockedBots.delete(`${token}:${chatId}`);
  }

  isBlocked(chatId: number, token?: string): boolean {
    return this.blocked.has(chatId) || (token !== undefined && this.blockedBots.has(`${token}:${chatId}`));
  }

  /** Fails the next `count` calls that match, in the order faults were added. */
  add(matches: CallPredicate, error: ErrorSpec, count = 1): FaultHandle {
    const fault: Fault = { matches, error, remaining: count };
    this.faults.push(fault);
    return { remove: () => (this.faults = this.faults.filter((f) => f !== fault)) };
  }

  /** The error this call must get, using up one use of the fault that gives it. */
  take(call: CallTarget): BotApiError | undefined {
    const fault = this.faults.find((f) => f.remaining > 0 && f.matches(call));
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return errorFromSpec(fault.error);
  }

  clear(): void {
    this.blocked.clear();
    this.blockedBots.clear();
    this.faults = [];
  }
}
