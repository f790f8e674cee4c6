/**
 * Facts: the events the outbox records with the change they describe. A fact class is marked with its
 * stable type name (`@Fact('discount.redeemed')`); its own fields are its JSON payload. The name, not the
 * class, is what the tables hold, so a fact can be renamed in code without losing rows already written.
 */
type FactClass = abstract new (...args: never[]) => object;

const typeOfClass = new Map<FactClass, string>();
const classOfType = new Map<string, FactClass>();

/** Marks an event class as a fact recorded in the outbox under `type`. */
export function Fact(type: string): (target: FactClass) => void {
  return (target) => {
    const taken = classOfType.get(type);
    if (taken && taken !== target) throw new Error(`Fact type "${type}" is taken by ${taken.name}`);
    typeOfClass.set(target, type);
    classOfType.set(type, target);
  };
}

/** The type name of a fact class; throws for a class that is not a fact (a programming error). */
export function factTypeOf(factClass: FactClass): string {
  const type = typeOfClass.get(factClass);
  if (!type) throw new Error(`${factClass.name} is not marked as an outbox fact (@Fact)`);
  return type;
}

/** The type name of a fact class, or null for a class that is not a fact. */
export const factTypeOrNull = (factClass: FactClass): string | null => typeOfClass.get(factClass) ?? null;

/** What a value becomes through JSON: dates as ISO strings, methods gone. */
export type Jsonified<T> = T extends Date
  ? string
  : T extends ReadonlyArray<infer U>
    ? Jsonified<U>[]
    : T extends object
      ? { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: Jsonified<T[K]> }
      : T;

/** One fact handed to one consumer by the dispatcher. */
export interface DeliveredFact<F> {
  /** The fact's uuid: a consumer that keys its work by it does it once. */
  eventId: string;
  type: string;
  fact: Jsonified<F>;
  createdAt: Date;
  /** 1 on the first try. */
  attempt: number;
}
