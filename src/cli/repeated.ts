/**
 * Every value of a repeatable flag (`--filter a=1 --filter b=2`, or `--filter=a=1`). citty keeps only the last
 * occurrence of a repeated string flag, so commands read repeatable flags from the raw arguments.
 * Returns undefined when the flag is absent.
 */
export function repeated(rawArgs: string[], name: string): string[] | undefined {
  const flag = `--${name}`;
  const out: string[] = [];
  rawArgs.forEach((arg, i) => {
    if (arg === flag && rawArgs[i + 1] !== undefined) out.push(rawArgs[i + 1]!);
    else if (arg.startsWith(`${flag}=`)) out.push(arg.slice(flag.length + 1));
  });
  return out.length > 0 ? out : undefined;
}
