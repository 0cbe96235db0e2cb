/**
 * The text as a link the page may carry: an https address, else undefined. Sources come from the run file,
 * and a `javascript:` link would run when clicked.
 */
export function webAddress(text: string): string | undefined {
  try {
    return new URL(text).protocol === 'https:' ? text : undefined;
  } catch {
    return undefined;
  }
}
