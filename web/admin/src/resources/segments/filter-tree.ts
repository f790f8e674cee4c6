/** The segment filter as the API takes it: groups `{ all: [...] }` / `{ any: [...] }` of rules. */
export interface Rule {
  field: string;
  op: string;
  value?: unknown;
  reason?: string;
}
export type Group = { all: Node[] } | { any: Node[] };
export type Node = Group | Rule;

export const isGroup = (node: Node): node is Group => 'all' in node || 'any' in node;
export const modeOf = (group: Group): 'all' | 'any' => ('all' in group ? 'all' : 'any');
export const childrenOf = (group: Group): Node[] => ('all' in group ? group.all : group.any);
export const makeGroup = (mode: 'all' | 'any', children: Node[]): Group =>
  mode === 'all' ? { all: children } : { any: children };

/**
 * The path the API names a node by in SEGMENT_FILTER_INVALID's `details.path`: the root group is `$`, its
 * children `all[0]`, theirs `all[1].any[0]` (segments module, check-segment-filter.ts).
 */
export function childPath(groupPath: string, mode: 'all' | 'any', index: number): string {
  return groupPath === '$' ? `${mode}[${index}]` : `${groupPath}.${mode}[${index}]`;
}

/** Whether the API's error path points at this rule (itself, or its field / op / value / reason). */
export function pathHits(errorPath: string | null, rulePath: string): boolean {
  if (!errorPath) return false;
  return errorPath === rulePath || errorPath.startsWith(`${rulePath}.`);
}

/** Whether the error path points at this group itself (not at one of its children). */
export function groupHit(errorPath: string | null, groupPath: string, mode: 'all' | 'any'): boolean {
  if (!errorPath) return false;
  return errorPath === groupPath || errorPath === (groupPath === '$' ? mode : `${groupPath}.${mode}`);
}
