/**
 * The benchmarks' command-line flags, `--name=value` or `--name` alone, among the names the script
 * knows: anything else stops the run with a pointer to the script's own comment, which lists them.
 */
export function benchArgs(script: string, known: readonly string[]) {
  const fail = (why: string): never => {
    console.error(`${why}; see the comment at the top of bench/${script}.`);
    process.exit(2);
  };
  const args = new Map<string, string>();
  for (const a of process.argv.slice(2)) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m?.[1] || !known.includes(m[1])) fail(`Unknown argument ${a}`);
    else args.set(m[1], m[2] ?? 'true');
  }
  return {
    has: (name: string) => args.has(name),
    get: (name: string) => args.get(name),
    /** A number flag (0 or more; whole with `whole`), or the fallback when it is not given. */
    num(name: string, fallback: number, { whole = false, min = 0 } = {}) {
      const v = Number(args.get(name) ?? fallback);
      if (!Number.isFinite(v) || v < min || (whole && !Number.isInteger(v)))
        fail(`--${name} must be ${whole ? 'a whole number' : 'a number'} of at least ${min}`);
      return v;
    },
  };
}
