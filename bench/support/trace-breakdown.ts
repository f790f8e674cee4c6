/** One Chromium trace event of the renderer (the fields the breakdown reads). */
interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string } };
}

/**
 * The renderer main thread's self time per event name (milliseconds) in a trace written by
 * `browser.startTracing` — where a click's frame went: script, style, layout, paint. Nested complete
 * events ('X') each keep only the time not spent in their children.
 */
export function mainThreadSelfTimes(traceJson: string): [string, number][] {
  const { traceEvents } = JSON.parse(traceJson) as { traceEvents: TraceEvent[] };
  const main = traceEvents.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  if (!main) throw new Error('trace: no renderer main thread');
  const events = traceEvents
    .filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const stack: { name: string; end: number }[] = [];
  for (const event of events) {
    while (stack.length && stack[stack.length - 1].end <= event.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - (event.dur ?? 0));
    self.set(event.name, (self.get(event.name) ?? 0) + (event.dur ?? 0));
    stack.push({ name: event.name, end: event.ts + (event.dur ?? 0) });
  }
  return [...self.entries()]
    .map(([name, us]): [string, number] => [name, us / 1000])
    .filter(([, ms]) => ms >= 1)
    .sort((a, b) => b[1] - a[1]);
}

/** A V8 CPU profile (CDP `Profiler.stop`), the fields the breakdown reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function (name, file and line; milliseconds) of a CPU profile, the largest first. */
export function profileSelfTimes(profile: CpuProfile): [string, number][] {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const frame = frames.get(id);
    const file = frame?.url.split('/').pop() ?? '';
    const key = `${frame?.functionName || '(anonymous)'} ${file}:${(frame?.lineNumber ?? 0) + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  return [...self.entries()]
    .map(([name, us]): [string, number] => [name, us / 1000])
    .sort((a, b) => b[1] - a[1]);
}
