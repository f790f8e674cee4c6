/**
 * A configuration error as one line for the person starting the app: when there is no `.env` to read,
 * it says which file to copy, since that is almost always the reason on a new machine. Pure.
 */
export function configErrorLine(message: string, envFileExists: boolean): string {
  const line = `Configuration error: ${message}`;
  return envFileExists
    ? line
    : `${line}. There is no .env file here: copy the example with \`cp .env.example .env\` (or set the variables in the environment).`;
}
