/**
 * The flags of a script that npm runs (`npm start -- --json`): whether each of `known` was
 * given. Any other argument stops the script with its usage line and exit code 2.
 */
export function readFlags<F extends string>(
  argv: readonly string[],
  known: readonly F[],
  command: string,
): Record<F, boolean> {
  const unknown = argv.filter((arg) => !(known as readonly string[]).includes(arg));
  if (unknown.length > 0) {
    const usage = known.map((flag) => `[-- ${flag}]`).join(' ');
    process.stderr.write(`Unknown option(s): ${unknown.join(' ')}\nUsage: ${command} ${usage}\n`);
    process.exit(2);
  }
  return Object.fromEntries(known.map((flag) => [flag, argv.includes(flag)])) as Record<F, boolean>;
}
