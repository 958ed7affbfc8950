/** Size limits shared by the edge (validation) and the screens (input maxLength, counters). */
export const LIMITS = {
  title: 120,
  purpose: 1000,
  question: 300,
  name: 60,
  note: 500,
  rounds: 12,
  tables: 200,
  minutesMin: 1,
  minutesMax: 180,
  extendMinutesMax: 30,
  /** Largest socket message we accept, in bytes (Socket.IO closes the connection above it). */
  messageBytes: 16 * 1024,
} as const;
