/** What the load benchmark's orchestrator (bench/load.ts) and its bots process (bots.ts) exchange. */

export type RunKind = 'cafe' | 'ws';

export interface BotsConfig {
  /** 'cafe': our server over Socket.IO; 'ws': the raw websocket baseline (ws-baseline.ts). */
  kind: RunKind;
  label: string;
  /** Base URLs (http://127.0.0.1:port); phone i connects to servers[i % servers.length]. */
  servers: string[];
  phones: number;
  /** Phones per event: an event has at most 200 tables (LIMITS.tables), so at most 1,000 phones of five. */
  perEvent: number;
  /** Each phone posts one note per period, the phones' posts spread evenly over it. */
  periodMs: number;
  warmupMs: number;
  windowMs: number;
  roundChanges: number;
  /** Quiet time after each round change (notes keep flowing) before the next one. */
  roundGapMs: number;
  /** Phones connected and joined at a time. */
  batch: number;
  /** Other processes whose CPU to read from /proc over the window (e.g. redis-server). */
  extraPids: number[];
}

export interface Summary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export interface Delay {
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

export interface PhaseResult {
  ms: number;
  notes: number;
  notesFailed: number;
  expected: number;
  delivered: number;
  /** Deliveries that came in a sync answer rather than a live push. */
  deliveredViaSync: number;
  latency: Summary;
  /** Redis runs: tablemates on the sender's process, and on the other process. */
  sameProcess: Summary | null;
  otherProcess: Summary | null;
  /** CPU time (user + system) of every server process over the phase, summed. */
  serverCpuMs: number;
  /** Per server process, event-loop delay beyond the 10 ms sampling timer. */
  eld: Delay[];
  extraCpuMs: number[];
  botsCpuPct: number;
  /** Largest delay between a note's scheduled time and its sending (the bots falling behind). */
  maxSendLagMs: number;
}

export interface BotsResult {
  label: string;
  kind: RunKind;
  phones: number;
  servers: number;
  events: number;
  joinMs: number;
  joinBotsCpuPct: number;
  heapBefore: number;
  heapAfter: number;
  heapPerPhone: number;
  rssPerPhone: number;
  window: PhaseResult;
  rounds: PhaseResult;
  /** Per round change: ms from the facilitator's round.end until the last phone had round.ended. */
  roundChangeMs: number[];
  /** Per round change: ms until the median phone had it. */
  roundChangeMedianMs: number[];
  roundChangeMissing: number;
  /** Per round change: the bots process's CPU (% of one core) from round.end until the last phone had it. */
  roundChangeBotsCpuPct: number[];
  /** Per round change: ms from round.end until round.start was done and every phone's seat-change sync answered. */
  roundSyncsMs: number[];
  /** Records in an event's log when the round changes began (what every sync scans). */
  logRecords: number;
  errors: Record<string, number>;
  /** CLOCK_MONOTONIC microseconds (as in a V8 .cpuprofile) when the window began and ended, and the round changes ended. */
  marks: { windowStartUs: number; windowEndUs: number; roundsEndUs: number };
}

export type BotsMessage = { type: 'result'; result: BotsResult } | { type: 'log'; text: string };
